package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Policy reading user_metadata. */
public final class RlsReferencesUserMetadata extends BaseRule {

    public RlsReferencesUserMetadata() {
        super("rls-references-user-metadata", Severity.ERROR,
                "user_metadata (raw_user_meta_data) is editable by the signed-in user, so a policy that trusts it lets users grant themselves access. Error: an authorization hole for sure.",
                "keep authorization data in app_metadata or in your own table");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            Policies p = Policies.of(s);
            if (p == null) continue;
            String text = s.norm().toLowerCase(java.util.Locale.ROOT);
            if (text.contains("user_metadata") || text.contains("raw_user_meta_data")) {
                report.at(s, "policy " + p.policy().name() + " trusts user-editable user_metadata");
            }
        }
    }
}
