package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ALTER COLUMN TYPE on an existing table. */
public final class ChangingColumnType extends BaseRule {
    private static final Pattern TYPE = StatementText.p("^ALTER\\s+(?:COLUMN\\s+)?(" + StatementText.IDENT + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.*?)(?:\\s+USING\\b.*)?$");
    public ChangingColumnType() {
        super("changing-column-type", Severity.WARNING,
                "ALTER COLUMN ... TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (varchar to text and widening varchar are the exceptions). Warning: the change is often intended and small tables are fine.",
                "add a new column, backfill it in batches, switch readers, then drop the old one");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !file.isExistingTable(a.table(), s)) continue;
            for (String action : a.actions()) {
                Matcher m = TYPE.matcher(action);
                if (m.lookingAt() && !m.group(2).matches("TEXT|VARCHAR|CHARACTER VARYING")) {
                    report.at(s, "changing the type of " + a.table() + "." + StatementText.ident(m.group(1)) + " rewrites the table under an exclusive lock");
                }
            }
        }
    }
}
