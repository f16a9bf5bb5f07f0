package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;
import dev.pgpilot.core.sql.PlainTransactionControl;
import java.util.Optional;

/**
 * A BEGIN (or COMMIT AND CHAIN) that no later COMMIT or ROLLBACK closes: the file would end inside its own transaction,
 * taking the history row into it. {@code up} refuses such a file before running anything, so this
 * is an error. Files that open and close their own transactions are {@link OwnTransactionControl}'s.
 */
public final class TransactionNesting extends BaseRule {
    public TransactionNesting() {
        super("transaction-nesting", Severity.ERROR,
                "A migration that ends inside a transaction it opened itself leaves the history row and everything after it"
                        + " uncommitted; `up` refuses the file. Error.",
                "add COMMIT after that block, or delete the statement that opens it");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        if (file.statements().stream().noneMatch(LintedStatement::isTransactionControl)) return;
        java.util.List<LintedStatement> top = file.topLevel();
        PlainTransactionControl.unclosedTransaction(top.stream().map(LintedStatement::sql).toList()).ifPresent(open -> {
            LintedStatement at = top.stream().filter(s -> s.sql() == open).findFirst().orElseThrow();
            report.at(at, PlainTransactionControl.opener(open) + " opens a transaction no COMMIT closes: the file would end inside its own transaction");
        });
    }

    /** The BEGIN/COMMIT pair around the whole file, which the engine drops (the file runs in one transaction anyway). */
    static Optional<PlainTransactionControl> wrapperOf(LintedFile file) {
        // The statements' transaction-control flag is computed once; wrapper() would normalize every statement again.
        if (file.statements().stream().noneMatch(LintedStatement::isTransactionControl)) return Optional.empty();
        return PlainTransactionControl.wrapper(file.topLevel().stream().map(LintedStatement::sql).toList());
    }
}
