package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;

/**
 * BEGIN/COMMIT around a whole migration. Harmless under pgpilot (the engine drops the pair and runs
 * the file as one transaction with its history row), so only a warning. Any other transaction
 * control is {@link OwnTransactionControl}'s.
 */
public final class RedundantTransactionControl extends BaseRule {
    public RedundantTransactionControl() {
        super("redundant-transaction-control", Severity.WARNING,
                "each migration already runs in one transaction with its history row; pgpilot drops a BEGIN/COMMIT pair "
                        + "around the whole file and runs it all-or-nothing",
                "delete the BEGIN and COMMIT lines");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (!file.isTransactional()) return;
        TransactionNesting.wrapperOf(file).ifPresent(plain -> {
            LintedStatement first = file.statements().stream().filter(s -> plain.drops(s.sql())).findFirst().orElseThrow();
            report.at(first, "BEGIN/COMMIT around the file: redundant, the whole file already runs in one transaction");
        });
    }
}
