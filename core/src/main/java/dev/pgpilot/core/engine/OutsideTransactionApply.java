package dev.pgpilot.core.engine;

import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.workspace.Config;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Runs a file PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY and friends)
 * statement by statement, saving its progress after each statement so a later run resumes after
 * the last one that completed; the counterpart of {@link InTransactionApply}. An index build is
 * checked for an INVALID leftover before and after it runs.
 */
final class OutsideTransactionApply {
    private final Session session;
    private final Config config;
    private final FailedAttempts failed;

    OutsideTransactionApply(Session session, FailedAttempts failed) {
        this.session = session;
        this.config = session.workspace().config();
        this.failed = failed;
    }

    long apply(Connection c, History history, Applier.Prepared p, int batch, UpOptions options, ApplyListener listener) throws SQLException {
        Instant started = session.clock().instant();
        long t0 = System.nanoTime();
        c.setAutoCommit(true);
        String version = p.file().version();
        int done = history.progress(version, p.file().checksum());
        List<SqlStatement> statements = p.statements();
        Applier.setTimeouts(c, config, false, false);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (int i = done; i < statements.size(); i++) {
                SqlStatement st = statements.get(i);
                ConcurrentIndex index = ConcurrentIndex.of(st, c);
                for (int attempt = 0; ; attempt++) {
                    try {
                        if (index != null) index.dropInvalidLeftovers(c); // else IF NOT EXISTS would skip it
                        s.execute(st.sql());
                        if (index != null && !index.invalidLeftovers(c).isEmpty()) {
                            throw new SQLException("index " + String.join(", ", index.invalidLeftovers(c))
                                    + " is INVALID after CREATE INDEX CONCURRENTLY", "XX000");
                        }
                        break;
                    } catch (SQLException e) {
                        if (ConnectionLoss.is(e, c)) throw failed.recordConnectionLoss(p, batch, options, started, t0, e);
                        if (Applier.LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && attempt < config.lockRetries()) {
                            long delay = Applier.backoff(attempt);
                            listener.retrying(p.file(), attempt + 1, delay, History.firstLine(e.getMessage()));
                            Applier.sleep(delay);
                            continue;
                        }
                        List<String> leftovers = index == null ? List.of() : leftoversQuietly(index, c);
                        String hint = (i == 0 ? "no statement of " : "statements before line " + st.line() + " of ")
                                + p.file().path().getFileName() + (i == 0 ? " was applied" : " were applied and will be skipped")
                                + (leftovers.isEmpty() ? "" : "; the interrupted build left " + String.join(", ", leftovers)
                                        + " INVALID: the next `pgpilot up` drops it and builds it again")
                                + (Applier.LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                                        ? "; the statement is fine, another session held the lock longer than lock_timeout: run `pgpilot up` again when it is gone"
                                        : "; fix the failing statement and run `pgpilot up` again");
                        throw failed.recordFailure(c, history, p, batch, options, started, t0, FailedAttempts.failureAt(st, e), hint);
                    }
                }
                history.saveProgress(version, p.file().checksum(), i + 1);
            }
        } finally {
            Timeouts.reset(c);
        }
        c.setAutoCommit(false);
        try {
            return AppliedRows.commit(session, c, history, p, batch, options, started, t0);
        } catch (SQLException e) {
            Applier.rollbackQuietly(c);
            throw e;
        }
    }

    private static List<String> leftoversQuietly(ConcurrentIndex index, Connection c) {
        try {
            return index.invalidLeftovers(c);
        } catch (SQLException e) {
            return List.of(); // the connection is gone; the next run finds the leftover itself
        }
    }
}
