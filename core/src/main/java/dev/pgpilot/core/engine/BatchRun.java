package dev.pgpilot.core.engine;

import dev.pgpilot.core.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntPredicate;

/**
 * One pass over a migration's {@link StatementBatches} in the connection's open transaction: each batch
 * in one call, except the batches named step by step, which run one statement per call so a failure
 * names its statement. The caller commits or rolls back.
 */
final class BatchRun {
    private BatchRun() {}

    /**
     * How the pass ended.
     *
     * @param error     null when every statement ran
     * @param batch     the batch that failed (-1 when none did)
     * @param statement the failing statement when it is known: run on its own, or alone in its batch;
     *                  null when a batch of several failed in one call
     */
    record Outcome(SQLException error, int batch, SqlStatement statement) {
        static final Outcome COMPLETED = new Outcome(null, -1, null);

        boolean completed() {
            return error == null;
        }
    }

    static Outcome run(Connection c, StatementBatches batches, IntPredicate stepByStep) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (int b = 0; b < batches.batches().size(); b++) {
                StatementBatches.Batch batch = batches.batches().get(b);
                if (stepByStep.test(b)) {
                    for (SqlStatement st : batch.statements()) {
                        try {
                            s.execute(st.sql());
                        } catch (SQLException e) {
                            return new Outcome(e, b, st);
                        }
                    }
                } else {
                    try {
                        s.execute(batch.text());
                    } catch (SQLException e) {
                        // a batch of one statement is placed already: nothing to find by running it again
                        return new Outcome(e, b, batch.statements().size() == 1 ? batch.statements().get(0) : null);
                    }
                }
            }
        }
        return Outcome.COMPLETED;
    }
}
