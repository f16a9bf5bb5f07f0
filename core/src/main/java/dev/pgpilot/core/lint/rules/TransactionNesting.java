package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Stmt;

/** BEGIN / COMMIT / ROLLBACK inside a file that the runner already wraps in a transaction. */
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
        for (Stmt s : file.statements()) {
            if (s.isTransactionControl()) {
                report.at(s, s.sql().firstWords(1) + " inside a migration that already runs in a transaction");
            }
        }
    }
}
