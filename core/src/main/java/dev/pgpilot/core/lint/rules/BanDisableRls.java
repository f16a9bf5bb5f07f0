package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ALTER TABLE ... DISABLE ROW LEVEL SECURITY in an exposed schema. */
public final class BanDisableRls extends BaseRule {

    public BanDisableRls() {
        super("ban-disable-rls", Severity.WARNING,
                "DISABLE ROW LEVEL SECURITY on a table in an exposed schema makes every row readable and writable through the API by anyone holding the anon key. Warning, not error: internal tables may have no grants.",
                "keep RLS on and write the policy you need; revoke the API roles if the table is internal");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !LintedFile.EXPOSED_SCHEMAS.contains(StatementText.schemaOf(a.table()))) continue;
            if (a.actions().stream().anyMatch(x -> x.startsWith("DISABLE ROW LEVEL SECURITY"))) {
                report.at(s, "RLS disabled on exposed table " + a.table());
            }
        }
    }
}
