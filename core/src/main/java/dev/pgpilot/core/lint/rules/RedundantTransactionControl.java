package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.Stmt;

/**
 * Plain BEGIN/COMMIT in a migration. Harmless under pgpilot (the engine drops them and runs the file
 * as one transaction), so only a warning: they mislead readers into thinking the file commits in
 * steps, and other runners (the Supabase CLI, psql) do commit at each COMMIT.
 */
public final class RedundantTransactionControl extends BaseRule {
    public RedundantTransactionControl() {
        super("redundant-transaction-control", Severity.WARNING,
                "each migration already runs in one transaction with its history row; pgpilot drops plain BEGIN/COMMIT "
                        + "and runs the file all-or-nothing, other runners commit at each COMMIT",
                "delete the BEGIN and COMMIT lines");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.isTransactional()) return;
        TransactionNesting.plainControlOf(file).ifPresent(plain -> {
            Stmt first = file.statements().stream().filter(s -> plain.drops(s.sql())).findFirst().orElseThrow();
            int n = plain.dropped().size();
            report.at(first, n + " BEGIN/COMMIT statement" + (n == 1 ? "" : "s")
                    + " in the file: redundant, the whole file already runs in one transaction");
        });
    }
}
