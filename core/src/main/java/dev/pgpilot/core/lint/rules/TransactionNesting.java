package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Stmt;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.sql.TransactionWrapper;
import java.util.List;
import java.util.Optional;

/**
 * BEGIN / COMMIT / ROLLBACK inside a file that the runner already wraps in a transaction. A plain
 * BEGIN ... COMMIT around the whole file is left to {@link RedundantTransactionWrapper}: the engine
 * drops that pair, so it cannot split the migration.
 */
public final class TransactionNesting extends BaseRule {
    public TransactionNesting() {
        super("transaction-nesting", Severity.ERROR,
                "pgpilot (like the Supabase CLI) runs each migration in one transaction together with its history row. "
                        + "A COMMIT inside ends that transaction early, so a later failure leaves half a migration applied and unrecorded. Error.",
                "delete the BEGIN/COMMIT lines: the whole file already runs in one transaction");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.isTransactional()) return; // statement-by-statement files may manage their own transactions
        Optional<TransactionWrapper> wrapper = wrapperOf(file);
        for (Stmt s : file.statements()) {
            if (!s.isTransactionControl()) continue;
            if (wrapper.isPresent() && (s.sql() == wrapper.get().begin() || s.sql() == wrapper.get().commit())) continue;
            report.at(s, s.sql().firstWords(1) + " inside a migration that already runs in a transaction");
        }
    }

    static Optional<TransactionWrapper> wrapperOf(LintedFile file) {
        List<SqlStatement> raw = file.statements().stream().map(Stmt::sql).toList();
        return TransactionWrapper.find(raw);
    }
}
