package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.workspace.Config;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Runs one migration in one transaction together with its history rows: its statements in batches
 * (one round trip each), lock timeouts retried with backoff, and on failure the failing statement
 * placed exactly by running the failing batch again step by step.
 */
final class InTransactionApply {
    /** Runs to place a failure before every statement goes one by one (only failures that move between runs need more than one). */
    private static final int LOCATE_RUNS = 3;
    private static final int NONE = -1;
    private static final int ALL = -2;

    private final Session session;
    private final Config config;
    private final FailedAttempts failed;
    private final BooleanSupplier cancelled;

    InTransactionApply(Session session, FailedAttempts failed, BooleanSupplier cancelled) {
        this.session = session;
        this.config = session.workspace().config();
        this.failed = failed;
        this.cancelled = cancelled;
    }

    long apply(Connection c, History history, Applier.Prepared p, int batch, UpOptions options, ApplyListener listener,
               boolean canCheckClient) throws SQLException {
        StatementBatches batches = StatementBatches.of(p.statements(), p.body());
        Run run = new Run(c, history, p, batches, batch, options, canCheckClient);
        int timedOutBatch = NONE;
        for (int attempt = 0; ; attempt++) {
            run.start();
            // The last try runs the batch that timed out step by step: when it fails again it names the
            // statement itself, so no further run (without backoff) is needed to find it.
            BatchRun.Outcome outcome = run.pass(attempt > 0 && attempt == config.lockRetries() ? timedOutBatch : NONE);
            if (outcome.completed()) return run.commit();
            run.rollBackAfter(outcome);
            SQLException e = outcome.error();
            if (Applier.LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && attempt < config.lockRetries()) {
                timedOutBatch = outcome.batch();
                long delay = Applier.backoff(attempt);
                listener.retrying(p.file(), attempt + 1, delay, History.firstLine(e.getMessage()));
                Applier.sleep(delay);
                continue;
            }
            if (outcome.statement() == null) outcome = run.locate(outcome.batch());
            // completed now: the batch failed for a reason that did not repeat, and the file is committed
            if (outcome.completed()) return Applier.elapsed(run.t0);
            throw failed.recordFailure(c, history, p, batch, options, run.started, run.t0,
                    FailedAttempts.failureAt(outcome.statement(), outcome.error()), null);
        }
    }

    /** One migration's tries: what every pass, commit and failure record needs. */
    private final class Run {
        final Connection c;
        final History history;
        final Applier.Prepared p;
        final StatementBatches batches;
        final int batch;
        final UpOptions options;
        final boolean canCheckClient;
        Instant started;
        long t0;

        Run(Connection c, History history, Applier.Prepared p, StatementBatches batches, int batch, UpOptions options, boolean canCheckClient) {
            this.c = c;
            this.history = history;
            this.p = p;
            this.batches = batches;
            this.batch = batch;
            this.options = options;
            this.canCheckClient = canCheckClient;
        }

        void start() {
            started = session.clock().instant();
            t0 = System.nanoTime();
        }

        /** One pass in a fresh transaction, timeouts set first; a lost connection is recorded and thrown. */
        BatchRun.Outcome pass(int stepByStep) throws SQLException {
            try {
                c.setAutoCommit(false);
                Applier.setTimeouts(c, config, true, canCheckClient);
                BatchRun.Outcome outcome = BatchRun.run(c, batches, b -> stepByStep == ALL || b == stepByStep);
                if (!outcome.completed() && ConnectionLoss.is(outcome.error(), c)) throw lost(outcome.error());
                return outcome;
            } catch (SQLException e) {
                if (ConnectionLoss.is(e, c)) throw lost(e);
                throw e;
            }
        }

        /** Rolls the failed pass back; a pass the user cancelled is recorded as that and goes no further. */
        void rollBackAfter(BatchRun.Outcome failedPass) throws SQLException {
            Applier.rollbackQuietly(c);
            if (cancelled.getAsBoolean()) throw failed.recordCancel(c, history, p, batch, options, started, t0);
        }

        /**
         * Places the failure of a batch sent in one call by running the file again in a fresh transaction,
         * that batch step by step and the others in one call each as before. Only on failure, so the normal
         * path keeps one round trip per batch. When another batch fails this time, that one goes step by
         * step next. A completed outcome has been committed.
         */
        BatchRun.Outcome locate(int failedBatch) throws SQLException {
            int stepByStep = failedBatch;
            for (int run = 1; ; run++) {
                BatchRun.Outcome outcome = pass(stepByStep);
                if (outcome.completed()) {
                    commit();
                    return outcome;
                }
                rollBackAfter(outcome);
                if (outcome.statement() != null) return outcome;
                stepByStep = run + 1 == LOCATE_RUNS ? ALL : outcome.batch();
            }
        }

        long commit() throws SQLException {
            try {
                return AppliedRows.commit(session, c, history, p, batch, options, started, t0);
            } catch (SQLException e) {
                if (ConnectionLoss.is(e, c)) throw lost(e);
                Applier.rollbackQuietly(c);
                throw e;
            }
        }

        private PilotException lost(SQLException e) {
            return failed.recordConnectionLoss(p, batch, options, started, t0, e);
        }
    }
}
