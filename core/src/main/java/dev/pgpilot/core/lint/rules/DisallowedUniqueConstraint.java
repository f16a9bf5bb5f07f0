package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ADD UNIQUE / PRIMARY KEY on an existing table without USING INDEX. */
public final class DisallowedUniqueConstraint extends BaseRule {

    public DisallowedUniqueConstraint() {
        super("disallowed-unique-constraint", Severity.WARNING,
                "ADD UNIQUE or ADD PRIMARY KEY builds the index while holding an ACCESS EXCLUSIVE lock: no reads or writes until done. Warning: harmless on small tables.",
                "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !file.isExistingTable(a.table(), s)) continue;
            for (String action : a.actions()) {
                if (action.startsWith("ADD") && (action.contains(" UNIQUE") || action.contains("PRIMARY KEY")) && !action.contains("USING INDEX")) {
                    report.at(s, "unique/primary key on existing table " + a.table() + " builds its index under an exclusive lock");
                }
            }
        }
    }
}
