package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFailedException;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.sql.PlainTransactionControl;
import dev.pgpilot.core.workspace.Config;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs pending migrations: {@code up}. One run holds the {@link MigrationLock}; each migration runs
 * in one transaction together with its history rows ({@link InTransactionApply}: its statements in
 * batches of one round trip each). Files with
 * statements PostgreSQL refuses inside a transaction run statement by statement with their progress
 * recorded, so a retry resumes after the last statement that completed.
 */
public final class Applier {
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Session session;
    private final Config config;
    private volatile boolean cancelled;
    private final FailedAttempts failed;
    private final InTransactionApply inTransaction;

    public Applier(Session session) {
        this.session = session;
        this.config = session.workspace().config();
        this.failed = new FailedAttempts(session, config);
        this.inTransaction = new InTransactionApply(session, failed, () -> cancelled);
    }

    /**
     * A pending file ready to run: the statements the engine executes (plain BEGIN/COMMIT statements
     * already dropped) and the text they span, sent in one call.
     */
    record Prepared(MigrationFile file, List<SqlStatement> statements, String body, boolean outsideTransaction) {}

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
            List<History.AppliedVersion> appliedVersions = history.applied();
            StatusReport status = StatusCheck.of(files, appliedVersions);
            List<Prepared> plan = select(files, status, options);
            RenamedMigrations.refuse(plan.stream().map(Prepared::file).toList(), appliedVersions,
                    files.stream().map(MigrationFile::version).collect(Collectors.toSet()));
            refuseMissingFiles(status);
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
                                ? applyOutsideTransaction(c, history, p, batch, options, listener)
                                : inTransaction.apply(c, history, p, batch, options, listener, canCheckClient);
                    } catch (MigrationFailedException e) {
                        throw e.after(applied);
                    }
                    applied.add(new ApplyResult.Applied(p.file().version(), p.file().name().name(),
                            session.display(p.file().path()), ms, p.statements().size()));
                    listener.applied(p.file(), ms);
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
            List<History.AppliedVersion> appliedVersions = new History(c).applied();
            StatusReport status = StatusCheck.of(files, appliedVersions);
            List<Prepared> plan = select(files, status, options);
            RenamedMigrations.refuse(plan.stream().map(Prepared::file).toList(), appliedVersions,
                    files.stream().map(MigrationFile::version).collect(Collectors.toSet()));
            refuseMissingFiles(status);
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

    /**
     * Refuses, as {@code supabase db push} does, when the database has versions no file here has: a
     * teammate's files not pulled yet, or history edited by hand. Applying on top would leave a folder
     * that cannot rebuild this database. Checked after {@link RenamedMigrations}, which names the
     * more likely cause when a pending file holds a missing version's content.
     */
    private static void refuseMissingFiles(StatusReport status) {
        if (status.missing().isEmpty()) return;
        throw PilotException.refused("the database has applied versions with no migration file here: " + versions(status.missing()),
                "pull the missing files (git pull), or if those versions were undone, forget them with `pgpilot repair VERSION"
                + " --status reverted` for each (same as `supabase migration repair --status reverted "
                + status.missing().stream().map(StatusReport.Entry::version).collect(Collectors.joining(" ")) + "`)");
    }

    /** Which pending migrations run, after refusing a state that must not be applied over. */
    private List<Prepared> select(List<MigrationFile> files, StatusReport status, UpOptions options) {
        if (!status.modified().isEmpty()) {
            throw PilotException.refused("applied migrations were changed since they ran: " + versions(status.modified()),
                    "restore the files as they were applied, or record the new content with `pgpilot repair VERSION --status applied`");
        }
        if (!status.outOfOrder().isEmpty() && !options.allowOutOfOrder()) {
            throw PilotException.refused("pending migrations are older than the newest applied one: " + versions(status.outOfOrder()),
                    "check they do not conflict with what ran after them, then pass --allow-out-of-order");
        }
        if (options.toVersion() != null && files.stream().noneMatch(f -> f.version().equals(options.toVersion()))) {
            throw PilotException.refused("no migration file has version " + options.toVersion(), "see `pgpilot status` for the versions");
        }
        java.util.Set<String> pending = status.pending().stream().map(StatusReport.Entry::version).collect(Collectors.toSet());
        List<Prepared> plan = new ArrayList<>();
        for (MigrationFile f : files) {
            if (!pending.contains(f.version())) continue;
            if (options.toVersion() != null && MigrationName.VERSION_ORDER.compare(f.version(), options.toVersion()) > 0) continue;
            plan.add(prepare(f));
        }
        return plan;
    }

    private Prepared prepare(MigrationFile f) {
        // The file as written, CRs kept, as the Supabase CLI runs it: a literal or function body spanning
        // lines gets the same bytes whichever tool applied the file.
        List<SqlStatement> statements = SqlScript.parse(f.text()).statements();
        String body = f.text();
        java.util.Optional<PlainTransactionControl> plain = PlainTransactionControl.find(statements);
        if (plain.isPresent()) {
            statements = plain.get().remaining(statements);
            body = plain.get().remainingText(f.text());
        }
        boolean outside = false;
        for (SqlStatement s : statements) {
            String normalized = s.normalized(); // once: the two checks below would each normalize it
            if (SqlStatement.isTransactionControl(normalized)) {
                throw PilotException.refused(session.display(f.path()) + ":" + s.line() + ": " + s.firstWords(1)
                        + " inside a migration is not allowed", "pgpilot runs each migration in its own transaction; remove the transaction control statements");
            }
            outside |= SqlStatement.cannotRunInTransaction(normalized);
        }
        return new Prepared(f, statements, body, outside);
    }

    private static String versions(List<StatusReport.Entry> entries) {
        return entries.stream().map(e -> e.version() + "_" + e.name()).collect(Collectors.joining(", "));
    }

    /**
     * Statement by statement outside a transaction (CREATE INDEX CONCURRENTLY and friends). After
     * each statement its number is saved, so a later run skips what already completed.
     */
    private long applyOutsideTransaction(Connection c, History history, Prepared p, int batch, UpOptions options,
                                         ApplyListener listener) throws SQLException {
        Instant started = session.clock().instant();
        long t0 = System.nanoTime();
        c.setAutoCommit(true);
        String version = p.file().version();
        int done = history.progress(version, p.file().checksum());
        List<SqlStatement> statements = p.statements();
        setTimeouts(c, config, false, false);
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
                        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && attempt < config.lockRetries()) {
                            long delay = backoff(attempt);
                            listener.retrying(p.file(), attempt + 1, delay, History.firstLine(e.getMessage()));
                            sleep(delay);
                            continue;
                        }
                        List<String> leftovers = index == null ? List.of() : leftoversQuietly(index, c);
                        String hint = (i == 0 ? "no statement of " : "statements before line " + st.line() + " of ")
                                + p.file().path().getFileName() + (i == 0 ? " was applied" : " were applied and will be skipped")
                                + (leftovers.isEmpty() ? "" : "; the interrupted build left " + String.join(", ", leftovers)
                                        + " INVALID: the next `pgpilot up` drops it and builds it again")
                                + (LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                                        ? "; the statement is fine, another session held the lock longer than lock_timeout: run `pgpilot up` again when it is gone"
                                        : "; fix the failing statement and run `pgpilot up` again");
                        throw failed.recordFailure(c, history, p, batch, options, started, t0, FailedAttempts.failureAt(st, e), hint);
                    }
                }
                history.saveProgress(version, p.file().checksum(), i + 1);
            }
        } finally {
            resetTimeouts(c);
        }
        c.setAutoCommit(false);
        try {
            return AppliedRows.commit(session, c, history, p, batch, options, started, t0);
        } catch (SQLException e) {
            rollbackQuietly(c);
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

    /** Runs before each file (and each retry of it): RESET ALL first, so no setting of the previous file leaks in. */
    static void setTimeouts(Connection c, Config config, boolean local, boolean checkClient) throws SQLException {
        SessionSettings.resetBeforeFile(c, "");
        Timeouts.set(c, config, local, checkClient);
    }

    private static void resetTimeouts(Connection c) {
        Timeouts.reset(c);
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
