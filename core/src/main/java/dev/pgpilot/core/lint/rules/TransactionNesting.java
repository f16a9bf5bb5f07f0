package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.Stmt;
import dev.pgpilot.core.sql.PlainTransactionControl;
import java.util.Optional;

/**
 * ROLLBACK, SAVEPOINT, BEGIN with an isolation level and the like inside a file that the runner
 * already wraps in a transaction. Plain BEGIN/COMMIT are left to {@link RedundantTransactionControl}:
 * the engine drops those, so they cannot split the migration.
 */
public final class TransactionNesting extends BaseRule {
    public TransactionNesting() {
        super("transaction-nesting", Severity.ERROR,
                "pgpilot (like the Supabase CLI) runs each migration in one transaction together with its history row. "
                        + "ROLLBACK, SAVEPOINT or an isolation level inside it do not do what they say there, and `up` refuses the file. Error.",
                "delete the transaction control statements: the whole file already runs in one transaction");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.isTransactional()) return; // statement-by-statement files may manage their own transactions
        if (plainControlOf(file).isPresent()) return;
        for (Stmt s : file.statements()) {
            if (s.isTransactionControl()) {
                report.at(s, s.sql().firstWords(1) + " inside a migration that already runs in a transaction");
            }
        }
    }

    static Optional<PlainTransactionControl> plainControlOf(LintedFile file) {
        // The statements' transaction-control flag is computed once; find() would normalize every statement again.
        if (file.statements().stream().noneMatch(Stmt::isTransactionControl)) return Optional.empty();
        return PlainTransactionControl.find(file.statements().stream().map(Stmt::sql).toList());
    }
}
