package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADD CHECK / FOREIGN KEY on an existing table without NOT VALID, and a VALIDATE CONSTRAINT in the
 * same file as its NOT VALID add: the file runs in one transaction, so the validation scan still
 * happens while the add's write-blocking lock is held, which is what NOT VALID was meant to avoid.
 */
public final class ConstraintMissingNotValid extends BaseRule {

    public ConstraintMissingNotValid() {
        super("constraint-missing-not-valid", Severity.WARNING,
                "Adding a CHECK or FOREIGN KEY constraint scans the whole table while holding a lock that blocks writes (an FK also locks the referenced table). NOT VALID adds it instantly; VALIDATE CONSTRAINT later scans without blocking writes, but only in a later migration: in the same file it runs "
                        + "under the lock the add took. Warning.",
                "ADD CONSTRAINT ... NOT VALID here, then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration");
    }

    private static final Pattern ADD_NOT_VALID = StatementText.p("^ADD\\s+CONSTRAINT\\s+(" + StatementText.IDENT + ")\\s.*\\bNOT VALID$");
    private static final Pattern VALIDATE = StatementText.p("^VALIDATE\\s+CONSTRAINT\\s+(" + StatementText.IDENT + ")");

    @Override
    public void check(LintedFile file, Reporter report) {
        Set<String> addedNotValid = new HashSet<>();
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null) continue;
            for (String action : a.actions()) {
                Matcher add = ADD_NOT_VALID.matcher(action);
                if (add.lookingAt()) addedNotValid.add(a.table() + "." + add.group(1));
                Matcher v = VALIDATE.matcher(action);
                if (v.lookingAt() && addedNotValid.contains(a.table() + "." + v.group(1))) {
                    report.at(s, "constraint " + v.group(1).toLowerCase(java.util.Locale.ROOT) + " is validated in the same migration as its NOT VALID add, under the add's lock");
                }
            }
            if (!file.isExistingTable(a.table(), s)) continue;
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
