package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy whose condition reads user_metadata, in CREATE POLICY or ALTER POLICY. Only the USING and
 * WITH CHECK expressions count: a policy name that says "user_metadata" grants nothing.
 */
public final class RlsReferencesUserMetadata extends BaseRule {
    private static final Pattern ALTER = StatementText.p("^ALTER\\s+POLICY\\s+(" + StatementText.IDENT + ")\\s+ON\\s+" + StatementText.NAME + "(.*)$");

    public RlsReferencesUserMetadata() {
        super("rls-references-user-metadata", Severity.ERROR,
                "user_metadata (raw_user_meta_data) is editable by the signed-in user, so a policy that trusts it lets users grant themselves access. Error: an authorization hole for sure.",
                "keep authorization data in app_metadata or in your own table");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            SchemaModel.Policy policy = policyOf(s);
            if (policy != null && (readsUserMetadata(policy.using()) || readsUserMetadata(policy.check()))) {
                report.at(s, "policy " + policy.name() + " trusts user-editable user_metadata");
            }
        }
    }

    private static SchemaModel.Policy policyOf(LintedStatement s) {
        Policies created = Policies.of(s);
        if (created != null) return created.policy();
        if (!s.startsWith("ALTER POLICY")) return null;
        Matcher m = ALTER.matcher(s.norm());
        return m.lookingAt() ? SchemaModel.parsePolicy(StatementText.ident(m.group(1)), m.group(2)) : null;
    }

    private static boolean readsUserMetadata(String expression) {
        if (expression == null) return false;
        String text = expression.toLowerCase(java.util.Locale.ROOT);
        return text.contains("user_metadata") || text.contains("raw_user_meta_data");
    }
}
