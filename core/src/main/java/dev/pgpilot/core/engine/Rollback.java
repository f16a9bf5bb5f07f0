package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.DownOptions;
import dev.pgpilot.core.api.model.DownResult;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import dev.pgpilot.core.api.model.Reverted;
import dev.pgpilot.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code down}: runs {@code <version>_<name>.down.sql} of the newest applied migrations, each in one
 * transaction with the history change (schema_migrations row deleted, log rows marked reverted).
 * Every down script is checked to exist before the first one runs.
 */
public final class Rollback {

    private final Session session;

    public Rollback(Session session) {
        this.session = session;
    }

    /** The applied migrations {@code down} would revert, newest first; refuses when one lacks its down script. */
    public List<MigrationFile> plan(DownOptions options) {
        try (Connection c = session.target().connect()) {
            return plan(options, new History(c).applied());
        } catch (SQLException e) {
            throw History.failure("cannot read the history of " + session.target().display(), e);
        }
    }

    private List<MigrationFile> plan(DownOptions options, List<History.AppliedVersion> applied) {
        if (options.steps() != null && options.toVersion() != null) {
            throw PilotException.refused("give either --steps or --to, not both", null);
        }
        int steps = options.steps() == null ? 1 : options.steps();
        if (steps < 1) {
            throw PilotException.refused("--steps must be at least 1", null);
        }
        if (options.toVersion() != null && applied.stream().noneMatch(a -> a.version().equals(options.toVersion()))) {
            throw PilotException.refused("version " + options.toVersion() + " is not applied", "see `pgpilot status`");
        }
        Map<String, MigrationFile> files = new HashMap<>();
        for (MigrationFile f : session.workspace().migrations()) files.put(f.version(), f);
        List<History.AppliedVersion> newestFirst = new ArrayList<>(applied);
        newestFirst.sort((x, y) -> MigrationName.VERSION_ORDER.compare(y.version(), x.version()));
        List<MigrationFile> plan = new ArrayList<>();
        for (History.AppliedVersion a : newestFirst) {
            if (options.toVersion() != null ? MigrationName.VERSION_ORDER.compare(a.version(), options.toVersion()) <= 0 : plan.size() >= steps) break;
            MigrationFile f = files.get(a.version());
            if (f == null) {
                throw PilotException.refused("cannot revert " + a.version() + ": its migration file is missing", "restore the file and its .down.sql");
            }
            if (f.downPath().isEmpty()) {
                throw PilotException.refused("no down script for " + f.path().getFileName() + ": expected "
                        + session.display(session.workspace().downScriptOf(f.name())),
                        "write the down script, or fix the history with `pgpilot repair " + f.version() + " --status reverted`");
            }
            refuseEmpty(f);
            plan.add(f);
        }
        return plan;
    }

    /**
     * A down script with no statements (the blank template, a {@code diff --write} that has no
     * reverse) would be "reverted" and recorded while its change stays in the database.
     */
    private void refuseEmpty(MigrationFile f) {
        String sql = downSql(f);
        List<dev.pgpilot.core.sql.SqlStatement> statements = dev.pgpilot.core.sql.SqlScript.parse(sql).statements();
        List<dev.pgpilot.core.sql.SqlStatement> run = dev.pgpilot.core.sql.PlainTransactionControl.find(statements)
                .map(w -> w.remaining(statements)).orElse(statements);
        if (run.isEmpty()) {
            throw PilotException.refused("cannot revert " + f.path().getFileName() + ": its down script "
                            + session.display(f.downPath().get()) + " has no statements; nothing was reverted",
                    "write the SQL that undoes " + f.version() + " in it, or, if nothing needs undoing, record it with `pgpilot repair "
                            + f.version() + " --status reverted`");
        }
    }

    /** The text of the down script that {@code down} runs for {@code f} (which must have one). */
    public static String downSql(MigrationFile f) {
        return MigrationFile.normalize(Workspace.read(f.downPath().orElseThrow()));
    }

    public DownResult down(DownOptions options) {
        try (MigrationLock lock = MigrationLock.acquire(session.target(), () -> {});
             Connection c = session.target().connect()) {
            History history = new History(c);
            List<MigrationFile> plan = plan(options, history.applied());
            history.ensureTables();
            List<Reverted> done = new ArrayList<>();
            for (MigrationFile f : plan) {
                lock.verify(f.path().getFileName().toString(), done.size());
                done.add(revert(c, history, f));
            }
            return new DownResult(session.target().display(), List.copyOf(done));
        } catch (SQLException e) {
            throw History.failure("rollback on " + session.target().display() + " failed", e);
        }
    }

    /** A down script's own BEGIN/COMMIT would commit before its history row: drop plain ones, like the engine does. */
    private static String withoutWrapper(String sql) {
        return dev.pgpilot.core.sql.PlainTransactionControl.find(dev.pgpilot.core.sql.SqlScript.parse(sql).statements())
                .map(w -> w.remainingText(sql)).orElse(sql);
    }

    private Reverted revert(Connection c, History history, MigrationFile f) throws SQLException {
        String sql = downSql(f);
        Instant started = session.clock().instant();
        long t0 = System.nanoTime();
        int batch = history.nextBatch();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            Timeouts.set(c, session.workspace().config(), true, false);
            s.execute(withoutWrapper(sql)); // plan() refused a script with no statements
            history.markReverted(f.version(), session.actor(), started);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            history.log(new History.Attempt(f.version(), f.name().name(), "down", MigrationFile.checksum(sql), batch,
                    session.actor(), session.source(), started, ms, true, null, null, null, false));
            c.commit();
            c.setAutoCommit(true);
            return new Reverted(f.version(), f.name().name(), ms);
        } catch (SQLException e) {
            Applier.rollbackQuietly(c);
            c.setAutoCommit(true);
            String msg = History.firstLine(e.getMessage());
            history.log(new History.Attempt(f.version(), f.name().name(), "down", MigrationFile.checksum(sql), batch,
                    session.actor(), session.source(), started, (System.nanoTime() - t0) / 1_000_000, false, msg, null, null, false));
            throw new PilotException("down script failed: " + session.display(f.downPath().get()) + ": " + msg,
                    f.version() + " is still applied; fix the down script and try again", PilotException.REFUSED, e);
        }
    }
}
