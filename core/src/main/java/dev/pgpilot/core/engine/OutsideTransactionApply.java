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
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Runs a file statement by statement instead of in one transaction of pgpilot's, saving its progress
 * after each statement so a later run resumes after the last one that completed; the counterpart of
 * {@link InTransactionApply}. Two kinds of file come here:
 * <ul>
 *   <li>one PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY and friends): each
 *       statement commits on its own; an index build is checked for an INVALID leftover before and
 *       after it runs;</li>
 *   <li>one whose top-level BEGIN/COMMIT/ROLLBACK manage its transactions ({@link Applier.Prepared#ownTransactions}):
 *       it runs the way {@code supabase db push} runs it. The CLI sends a file in one pipeline, an
 *       implicit transaction that the file's own COMMIT or ROLLBACK ends and its next statement opens
 *       again, the last one committed with the history row. Here a JDBC transaction plays that part,
 *       and the progress row is written inside it, so after a failure it counts exactly the
 *       statements that committed.</li>
 * </ul>
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

    /** The note {@code up} prints for a file that managed its own transactions. */
    static String ownTransactionsNote(String file) {
        return file + " manages its own transactions (its BEGIN/COMMIT/ROLLBACK): pgpilot ran it as written, committing where it"
                + " commits, as the Supabase CLI does, and cannot roll it back as a whole when a later statement fails";
    }

    long apply(Connection c, History history, Applier.Prepared p, int batch, UpOptions options, ApplyListener listener) throws SQLException {
        Instant started = session.clock().instant();
        long t0 = System.nanoTime();
        c.setAutoCommit(true);
        String version = p.file().version();
        boolean own = p.ownTransactions();
        List<SqlStatement> statements = p.statements();
        // session-wide and committed now, so no ROLLBACK of the file's (or of a failed block) undoes them
        Applier.setTimeouts(c, config, false, false);
        if (own) c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            int attempt = 0;
            int lastFailure = -1;
            for (int i = history.progress(version, p.file().checksum()); i < statements.size(); ) {
                SqlStatement st = statements.get(i);
                ConcurrentIndex index = own ? null : ConcurrentIndex.of(st, c);
                try {
                    if (index != null) index.dropInvalidLeftovers(c); // else IF NOT EXISTS would skip it
                    s.execute(st.sql());
                    if (index != null && !index.invalidLeftovers(c).isEmpty()) {
                        throw new SQLException("index " + String.join(", ", index.invalidLeftovers(c))
                                + " is INVALID after CREATE INDEX CONCURRENTLY", "XX000");
                    }
                } catch (SQLException e) {
                    if (ConnectionLoss.is(e, c)) throw failed.recordConnectionLoss(p, batch, options, started, t0, e);
                    int failedAt = i;
                    if (own) {
                        // the server rolled back to the file's last COMMIT (or to its start): go on from there
                        Applier.rollbackQuietly(c);
                        i = history.progress(version, p.file().checksum());
                    }
                    if (Applier.LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && attempt < config.lockRetries()) {
                        long delay = Applier.backoff(attempt++);
                        lastFailure = Math.max(lastFailure, failedAt);
                        listener.retrying(p.file(), attempt, delay, History.firstLine(e.getMessage()));
                        Applier.sleep(delay);
                        continue;
                    }
                    List<String> leftovers = index == null ? List.of() : leftoversQuietly(index, c);
                    String hint = (own ? committedBefore(p, i) : appliedBefore(p, i, st))
                            + (leftovers.isEmpty() ? "" : "; the interrupted build left " + String.join(", ", leftovers)
                                    + " INVALID: the next `pgpilot up` drops it and builds it again")
                            + (Applier.LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                                    ? "; the statement is fine, another session held the lock longer than lock_timeout: run `pgpilot up` again when it is gone"
                                    : "; fix the failing statement and run `pgpilot up` again");
                    throw failed.recordFailure(c, history, p, batch, options, started, t0, FailedAttempts.failureAt(st, e), hint);
                }
                // right after the file's own COMMIT or ROLLBACK: the progress row commits on its own at that boundary
                boolean boundary = own && c.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
                history.saveProgress(version, p.file().checksum(), ++i);
                if (boundary) c.commit();
                if (i > lastFailure) attempt = 0; // past the statement that timed out: the next one gets its own tries
            }
        } finally {
            Timeouts.reset(c);
        }
        c.setAutoCommit(false); // the file's last transaction (when it manages its own) commits with the history rows
        try {
            return AppliedRows.commit(session, c, history, p, batch, options, started, t0);
        } catch (SQLException e) {
            Applier.rollbackQuietly(c);
            throw e;
        }
    }

    private static String appliedBefore(Applier.Prepared p, int done, SqlStatement failing) {
        return (done == 0 ? "no statement of " : "statements before line " + failing.line() + " of ")
                + p.file().path().getFileName() + (done == 0 ? " was applied" : " were applied and will be skipped");
    }

    /** What stays after a failure in a file that commits by itself: the statements up to its last COMMIT. */
    private static String committedBefore(Applier.Prepared p, int committed) {
        if (committed == 0) return "nothing from " + p.file().path().getFileName() + " was committed";
        return "statements before line " + p.statements().get(committed).line() + " of " + p.file().path().getFileName()
                + " were committed by the file's own COMMIT; pgpilot cannot roll them back, and the next `pgpilot up` skips them"
                + " while the file stays as it is (a changed file runs from its first line again)";
    }

    private static List<String> leftoversQuietly(ConcurrentIndex index, Connection c) {
        try {
            return index.invalidLeftovers(c);
        } catch (SQLException e) {
            return List.of(); // the connection is gone; the next run finds the leftover itself
        }
    }
}
