package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DROP INDEX without CONCURRENTLY on an index of an existing table. */
public final class RequireConcurrentIndexDeletion extends BaseRule {
    private static final Pattern DROP = StatementText.p("^DROP\\s+INDEX\\s+(CONCURRENTLY\\s+)?(?:IF EXISTS\\s+)?(" + StatementText.NAME + ")");

    public RequireConcurrentIndexDeletion() {
        super("require-concurrent-index-deletion", Severity.WARNING,
                "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, blocking reads and writes while it waits for running queries. "
                        + "Warning: usually short, but it queues behind long transactions.",
                "DROP INDEX CONCURRENTLY in a migration of its own");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = DROP.matcher(s.norm());
            if (m.lookingAt() && m.group(1) == null) {
                String table = file.tableOfIndexBefore(StatementText.qualified(m.group(2)));
                if (table != null && file.isExistingTable(table, s)) {
                    report.at(s, "DROP INDEX " + StatementText.qualified(m.group(2)) + " without CONCURRENTLY locks " + table);
                }
            }
        }
    }
}
