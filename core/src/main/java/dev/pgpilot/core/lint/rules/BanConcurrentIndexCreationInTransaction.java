package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;

/** A CONCURRENTLY statement inside an explicit BEGIN ... COMMIT block: PostgreSQL refuses it. */
public final class BanConcurrentIndexCreationInTransaction extends BaseRule {
    public BanConcurrentIndexCreationInTransaction() {
        super("ban-concurrent-index-creation-in-transaction", Severity.ERROR,
                "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and friends cannot run inside a transaction block; "
                        + "the migration fails for sure. Error.",
                "remove BEGIN/COMMIT around it; pgpilot runs files with CONCURRENTLY statement by statement");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        boolean inBlock = false;
        for (LintedStatement s : file.statements()) {
            String n = s.norm();
            if (s.isTransactionControl()) {
                if (n.startsWith("BEGIN") || n.startsWith("START TRANSACTION")) inBlock = true;
                else if (n.startsWith("COMMIT") || n.startsWith("END") || n.startsWith("ROLLBACK") || n.startsWith("ABORT")) inBlock = false;
            } else if (inBlock && s.cannotRunInTransaction()) {
                report.at(s, "this statement cannot run inside the BEGIN ... COMMIT block around it");
            }
        }
    }
}
