package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** auth.uid()/auth.jwt()/auth.role()/current_setting() in a policy not wrapped in (select ...). */
public final class AuthRlsInitplan extends BaseRule {
    private static final Pattern CALL = Sql.p("\\b(?:AUTH\\s*\\.\\s*(?:UID|JWT|ROLE|EMAIL)|CURRENT_SETTING)\\s*\\(");
    public AuthRlsInitplan() {
        super("auth-rls-initplan", Severity.WARNING,
                "auth.uid(), auth.jwt(), auth.role() and current_setting() in a policy are evaluated once per row unless wrapped as (select auth.uid()), which makes PostgreSQL evaluate them once per query. Every occurrence is checked. Warning: slow, not wrong.",
                "write (select auth.uid()) instead of auth.uid()");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            Policies p = Policies.of(s);
            if (p == null) continue;
            int bare = 0;
            for (String expr : new String[] {p.policy().using(), p.policy().check()}) {
                if (expr == null) continue;
                Matcher m = CALL.matcher(expr);
                while (m.find()) {
                    String before = expr.substring(0, m.start()).replaceAll("\\s+$", "");
                    if (!before.endsWith("(SELECT")) bare++;
                }
            }
            if (bare > 0) report.at(s, "policy " + p.policy().name() + " calls auth functions per row (" + bare + " unwrapped call" + (bare > 1 ? "s" : "") + ")");
        }
    }
}
