package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ALTER TABLE ... DROP COLUMN. */
public final class BanDropColumn extends BaseRule {
    private static final Pattern DROP_COLUMN = StatementText.p("^DROP\\s+COLUMN\\s+(?:IF EXISTS\\s+)?(" + StatementText.IDENT + ")");
    public BanDropColumn() {
        super("ban-drop-column", Severity.WARNING,
                "Dropping a column deletes its data and breaks clients (and PostgREST selects) that still name it. Warning: intended removals are normal.",
                "stop reading and writing the column first; drop it in a later release");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || file.createsTable(a.table()) && !file.isExistingTable(a.table(), s)) continue;
            for (String action : a.actions()) {
                Matcher m = DROP_COLUMN.matcher(action);
                if (m.lookingAt()) report.at(s, "dropping " + a.table() + "." + StatementText.ident(m.group(1)) + " deletes its data permanently");
            }
        }
    }
}
