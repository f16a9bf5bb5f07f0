package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RENAME COLUMN on an existing table. */
public final class RenamingColumn extends BaseRule {
    private static final Pattern RENAME = StatementText.p("^RENAME\\s+(?:COLUMN\\s+)?(" + StatementText.IDENT + ")\\s+TO\\s+");
    public RenamingColumn() {
        super("renaming-column", Severity.WARNING,
                "Renaming a column breaks every running client, PostgREST query and generated type that still uses the old name. Warning: fine when nothing reads it yet.",
                "add the new column, write to both, move readers, then drop the old one (expand/contract)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !file.isExistingTable(a.table(), s)) continue;
            Matcher m = RENAME.matcher(a.actions().get(0));
            if (!a.actions().get(0).startsWith("RENAME TO") && !a.actions().get(0).startsWith("RENAME CONSTRAINT") && m.lookingAt()) {
                report.at(s, "renaming " + a.table() + "." + StatementText.ident(m.group(1)) + " breaks clients that use the old name");
            }
        }
    }
}
