package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFailedException;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.target.StandInIndexOptions;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.api.model.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs pending migrations: {@code up}. One run holds the {@link MigrationLock} (verified before each
 * file); {@link PendingPlan} picks and prepares the files, {@link LintGate} refuses lint errors, and
 * each file runs either in one transaction together with its history rows ({@link InTransactionApply}:
 * its statements in batches of one round trip each) or, when PostgreSQL refuses some statement inside
 * a transaction, statement by statement with its progress recorded ({@link OutsideTransactionApply}).
 * A failure is recorded and located by {@link FailedAttempts}.
 */
public final class Applier {
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Session session;
    private volatile boolean cancelled;
    private final FailedAttempts failed;
    private final InTransactionApply inTransaction;
    private final OutsideTransactionApply outsideTransaction;
    private final PendingPlan pendingPlan;

    public Applier(Session session) {
        this.session = session;
        this.failed = new FailedAttempts(session, session.workspace().config());
        this.inTransaction = new InTransactionApply(session, failed, () -> cancelled);
        this.outsideTransaction = new OutsideTransactionApply(session, failed);
        this.pendingPlan = new PendingPlan(session);
    }

    /**
     * A pending file ready to run: the statements the engine executes (a BEGIN/COMMIT wrapping the
     * whole file already dropped) and the text they span, sent in one call.
     *
     * @param ownTransactions the file's top-level BEGIN/COMMIT/ROLLBACK control its transactions (then
     *                        {@code outsideTransaction} too): it runs as written, as the Supabase CLI runs it
     */
    record Prepared(MigrationFile file, List<SqlStatement> statements, String body, boolean outsideTransaction, boolean ownTransactions) {}

    public ApplyResult up(UpOptions options, ApplyListener listener) {
        List<MigrationFile> files = session.workspace().migrations();
        List<String> warnings = poolerWarning(listener);
        if (options.dryRun()) {
            return dryRun(files, options, warnings, listener, false);
        }
        try (MigrationLock lock = MigrationLock.acquire(session.target(), listener::waitingForLock);
             Connection c = session.target().connect()) {
            History history = new History(c);
            listener.cancellable(() -> cancel(c));
            c.setAutoCommit(true);
            history.ensureTables();
            // Read the history only now, under the lock: a run that waited sees what the other one applied.
            StandInIndexOptions indexOptions = StandInIndexOptions.of(c);
            List<Prepared> plan = pendingPlan.select(files, history.applied(), options, indexOptions);
            refuseLintErrors(plan, options);
            List<ApplyResult.Applied> applied = new ArrayList<>();
            if (!plan.isEmpty()) {
                int batch = history.nextBatch();
                boolean canCheckClient = c.getMetaData().getDatabaseMajorVersion() >= 14;
                for (Prepared p : plan) {
                    if (cancelled) {
                        throw PilotException.refused("cancelled before " + p.file().path().getFileName() + "; " + applied.size()
                                + " migration(s) applied", "run `pgpilot up` again to apply the rest");
                    }
                    lock.verify(p.file().path().getFileName().toString(), applied.size());
                    listener.starting(p.file());
                    long ms;
                    try {
                        ms = p.outsideTransaction()
                                ? outsideTransaction.apply(c, history, p, batch, options, listener)
                                : inTransaction.apply(c, history, p, batch, options, listener, canCheckClient);
                    } catch (MigrationFailedException e) {
                        throw e.after(applied);
                    }
                    applied.add(new ApplyResult.Applied(p.file().version(), p.file().name().name(),
                            session.display(p.file().path()), ms, p.statements().size()));
                    listener.applied(p.file(), ms);
                    if (p.ownTransactions()) warnings.add(OutsideTransactionApply.ownTransactionsNote(session.display(p.file().path())));
                    for (StandInIndexOptions.LeftOut l : indexOptions.leftOut(p.file().text())) {
                        warnings.add(StandInIndexOptions.note(session.display(p.file().path()), l));
                    }
                }
            }
            return new ApplyResult(session.target().display(), planned(plan), List.copyOf(applied), List.copyOf(warnings), false);
        } catch (SQLException e) {
            throw History.failure("migration run on " + session.target().display() + " failed", e);
        } finally {
            listener.cancellable(null);
        }
    }

    /**
     * What {@code up} with these options will run, refused already (as {@code up} would refuse it)
     * when those migrations have lint errors: a front end shows it, then asks, and the refusal never
     * comes after the user said yes.
     */
    public ApplyResult preview(UpOptions options, ApplyListener listener) {
        return dryRun(session.workspace().migrations(), options, poolerWarning(listener), listener, true);
    }

    private List<String> poolerWarning(ApplyListener listener) {
        List<String> warnings = new ArrayList<>();
        if (session.target().looksLikeTransactionPooler()) {
            String w = session.target().display() + " looks like a transaction-mode pooler: the migration lock does not hold there;"
                    + " use the direct (session) connection, port 5432";
            warnings.add(w);
            listener.warning(w);
        }
        return warnings;
    }

    private ApplyResult dryRun(List<MigrationFile> files, UpOptions options, List<String> warnings, ApplyListener listener, boolean lintGate) {
        try (Connection c = session.target().connect()) {
            List<Prepared> plan = pendingPlan.select(files, new History(c).applied(), options, StandInIndexOptions.NONE);
            if (lintGate) refuseLintErrors(plan, options);
            return new ApplyResult(session.target().display(), planned(plan), List.of(), List.copyOf(warnings), true);
        } catch (SQLException e) {
            throw History.failure("cannot read the history of " + session.target().display(), e);
        }
    }

    /** Sets the flag first, so the statement's error is read as a cancel and not retried or re-run. */
    private void cancel(Connection c) {
        cancelled = true;
        try {
            c.unwrap(org.postgresql.PGConnection.class).cancelQuery();
        } catch (SQLException ignored) {
            // the connection is gone: the server has rolled the transaction back already
        }
    }

    private void refuseLintErrors(List<Prepared> plan, UpOptions options) {
        if (options.allowLintErrors()) return;
        LintGate.refuseLintErrors(session.workspace(), plan.stream().map(p -> p.file().path().getFileName().toString()).collect(Collectors.toSet()));
    }

    private static List<ApplyResult.Planned> planned(List<Prepared> plan) {
        return plan.stream().map(p -> new ApplyResult.Planned(p.file().version(), p.file().name().name(),
                p.file().path().getFileName().toString(), p.outsideTransaction())).toList();
    }

    /** Runs before each file (and each retry of it): RESET ALL first, so no setting of the previous file leaks in. */
    static void setTimeouts(Connection c, Config config, boolean local, boolean checkClient) throws SQLException {
        SessionSettings.resetBeforeFile(c, "");
        Timeouts.set(c, config, local, checkClient);
    }

    static long backoff(int attempt) {
        return Math.min(250L << attempt, 4000L);
    }

    static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PilotException.error("interrupted", null);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) c.rollback();
        } catch (SQLException ignored) {
            // a broken connection has rolled back already
        }
    }
}
