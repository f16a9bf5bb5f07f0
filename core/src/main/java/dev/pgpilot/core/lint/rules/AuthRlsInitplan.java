package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** auth.uid()/auth.jwt()/auth.role()/current_setting() in a policy not wrapped in (select ...). */
public final class AuthRlsInitplan extends BaseRule {
    private static final Pattern CALL = StatementText.p("\\b(?:AUTH\\s*\\.\\s*(?:UID|JWT|ROLE|EMAIL)|CURRENT_SETTING)\\s*\\(");
    public AuthRlsInitplan() {
        super("auth-rls-initplan", Severity.WARNING,
                "auth.uid(), auth.jwt(), auth.role() and current_setting() in a policy are evaluated once per row unless wrapped as (select auth.uid()), which makes PostgreSQL evaluate them once per query. Every occurrence is checked. Warning: slow, not wrong.",
                "write (select auth.uid()) instead of auth.uid()");
    }

    /** True when the call is the whole select list of a scalar subquery: {@code (select auth.uid())}, on one line or over several. */
    private static boolean wrapped(String expr, int call) {
        int i = call - 1;
        while (i >= 0 && Character.isWhitespace(expr.charAt(i))) i--;
        if (i < 5 || !expr.startsWith("SELECT", i - 5)) return false;
        i -= 6;
        while (i >= 0 && Character.isWhitespace(expr.charAt(i))) i--;
        return i >= 0 && expr.charAt(i) == '(';
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Policies p = Policies.of(s);
            if (p == null) continue;
            int bare = 0;
            for (String expr : new String[] {p.policy().using(), p.policy().check()}) {
                if (expr == null) continue;
                Matcher m = CALL.matcher(expr);
                while (m.find()) {
                    if (!wrapped(expr, m.start())) bare++;
                }
            }
            if (bare > 0) report.at(s, "policy " + p.policy().name() + " calls auth functions per row (" + bare + " unwrapped call" + (bare > 1 ? "s" : "") + ")");
        }
    }
}
