package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ALTER COLUMN SET NOT NULL on an existing table. */
public final class AddingNotNullableField extends BaseRule {
    private static final Pattern SET_NOT_NULL = StatementText.p("^ALTER\\s+(?:COLUMN\\s+)?(" + StatementText.IDENT + ")\\s+SET\\s+NOT\\s+NULL");
    public AddingNotNullableField() {
        super("adding-not-nullable-field", Severity.WARNING,
                "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock (and fails if any row is null). Since PostgreSQL 12 a validated CHECK (col IS NOT NULL) lets it skip the scan. Warning: intended and harmless on small tables.",
                "ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID; VALIDATE it in a later migration; then SET NOT NULL");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !file.isExistingTable(a.table(), s)) continue;
            for (String action : a.actions()) {
                Matcher m = SET_NOT_NULL.matcher(action);
                if (m.lookingAt()) {
                    report.at(s, "SET NOT NULL on " + a.table() + "." + StatementText.ident(m.group(1)) + " scans the table under an exclusive lock");
                }
            }
        }
    }
}
