package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Stmt;
import dev.pgpilot.core.sql.TransactionWrapper;

/**
 * The whole file wrapped in BEGIN; ... COMMIT;. Harmless under pgpilot (the engine drops the pair
 * and runs the file in its own transaction), so only a warning: the lines mislead readers into
 * thinking the file controls its own transaction, and other runners (psql -1, Flyway) treat them
 * differently.
 */
public final class RedundantTransactionWrapper extends BaseRule {
    public RedundantTransactionWrapper() {
        super("redundant-transaction-wrapper", Severity.WARNING,
                "each migration already runs in one transaction with its history row; pgpilot drops a BEGIN/COMMIT pair "
                        + "around the whole file, other runners may not",
                "delete the BEGIN and the final COMMIT");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.isTransactional()) return;
        TransactionNesting.wrapperOf(file).ifPresent(w -> {
            Stmt begin = file.statements().stream().filter(s -> s.sql() == w.begin()).findFirst().orElseThrow();
            report.at(begin, "BEGIN ... COMMIT is redundant: the whole file already runs in one transaction");
        });
    }
}
