package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ADD COLUMN ... NOT NULL without DEFAULT on an existing table. */
public final class AddingRequiredField extends BaseRule {

    public AddingRequiredField() {
        super("adding-required-field", Severity.ERROR,
                "Adding a NOT NULL column without a DEFAULT fails as soon as the table has a row, so the migration breaks in every environment with data. Error.",
                "add a DEFAULT, or add the column nullable, backfill it, then SET NOT NULL");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !file.isExistingTable(a.table(), s)) continue;
            for (String action : a.actions()) {
                if (action.startsWith("ADD") && !action.startsWith("ADD CONSTRAINT") && action.contains("NOT NULL")
                        && !action.contains("DEFAULT") && !action.contains("GENERATED")) {
                    report.at(s, "NOT NULL column without DEFAULT on existing table " + a.table() + " fails when the table has rows");
                }
            }
        }
    }
}
