package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ALTER TABLE ... RENAME TO on an existing table. */
public final class RenamingTable extends BaseRule {

    public RenamingTable() {
        super("renaming-table", Severity.WARNING,
                "Renaming a table breaks every running client, PostgREST route and generated type that still uses the old name. Warning: fine when nothing reads it yet.",
                "create a view with the old name over the renamed table while clients move, or keep the name");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a != null && file.isExistingTable(a.table(), s) && a.actions().get(0).startsWith("RENAME TO")) {
                report.at(s, "renaming table " + a.table() + " breaks clients that use the old name");
            }
        }
    }
}
