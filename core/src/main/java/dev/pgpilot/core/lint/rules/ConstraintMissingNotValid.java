package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ADD CHECK / FOREIGN KEY on an existing table without NOT VALID. */
public final class ConstraintMissingNotValid extends BaseRule {

    public ConstraintMissingNotValid() {
        super("constraint-missing-not-valid", Severity.WARNING,
                "Adding a CHECK or FOREIGN KEY constraint scans the whole table while holding a lock that blocks writes (an FK also locks the referenced table). NOT VALID adds it instantly; VALIDATE CONSTRAINT later scans without blocking writes. Warning.",
                "ADD CONSTRAINT ... NOT VALID here, then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !file.isExistingTable(a.table(), s)) continue;
            for (String action : a.actions()) {
                boolean constraint = action.startsWith("ADD") && (action.contains("FOREIGN KEY") || action.contains(" CHECK")
                        || (action.contains(" REFERENCES ") && !action.startsWith("ADD CONSTRAINT")));
                if (constraint && !action.contains("NOT VALID") && !action.contains("USING INDEX")) {
                    report.at(s, "constraint on existing table " + a.table() + " is validated under a write-blocking lock");
                }
            }
        }
    }
}
