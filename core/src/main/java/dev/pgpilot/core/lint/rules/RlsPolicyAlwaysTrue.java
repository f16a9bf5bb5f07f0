package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Permissive write policy that is always true. */
public final class RlsPolicyAlwaysTrue extends BaseRule {
    private static boolean trivial(String expr) {
        if (expr == null) return false;
        String e = expr.replaceAll("[()\\s]", "");
        return e.equals("TRUE") || e.equals("1=1");
    }
    public RlsPolicyAlwaysTrue() {
        super("rls-policy-always-true", Severity.WARNING,
                "A permissive INSERT/UPDATE/DELETE/ALL policy with USING (true) or WITH CHECK (true) for anon, authenticated or public lets anyone change any row; SELECT is exempt (public reads are common). Warning.",
                "restrict the policy, e.g. USING ((select auth.uid()) = user_id)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Policies p = Policies.of(s);
            if (p == null || !p.policy().permissive() || p.policy().command().equals("SELECT")) continue;
            if (p.policy().roles().stream().noneMatch(r -> r.equals("anon") || r.equals("authenticated") || r.equals("public"))) continue;
            if (trivial(p.policy().using()) || trivial(p.policy().check())) {
                report.at(s, "policy " + p.policy().name() + " lets anyone " + p.policy().command().toLowerCase(java.util.Locale.ROOT) + " any row");
            }
        }
    }
}
