package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.RepairResult;
import dev.pgpilot.core.api.model.RepairStatus;
import dev.pgpilot.core.api.model.StatusReport;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code repair VERSION --status applied|reverted}: changes the history only, never runs migration
 * SQL. "applied" records the file as it is now (so a modified file stops blocking {@code up});
 * "reverted" forgets that the version ran.
 */
public final class Repair {

    private final Session session;

    public Repair(Session session) {
        this.session = session;
    }

    public RepairResult repair(String version, RepairStatus status) {
        MigrationFile file = session.workspace().migrations().stream().filter(f -> f.version().equals(version)).findFirst().orElse(null);
        try (MigrationLock lock = MigrationLock.acquire(session.target(), () -> {});
             Connection c = session.target().connect()) {
            History history = new History(c);
            history.ensureTables();
            History.AppliedVersion applied = history.applied().stream().filter(a -> a.version().equals(version)).findFirst().orElse(null);
            c.setAutoCommit(false);
            RepairResult r;
            if (status == RepairStatus.APPLIED) {
                if (file == null) {
                    throw PilotException.refused("no migration file has version " + version, "see `pgpilot status` for the versions");
                }
                if (applied != null && !StatusCheck.isModified(file, applied)) {
                    return new RepairResult(version, file.name().name(), status, false);
                }
                // The newer repair log row carries the checksum from now on; earlier rows stay as they were.
                if (applied != null) history.forget(version);
                history.markApplied(version, file.name().name(), StoredStatements.of(file), session.actor());
                history.log(attempt(version, file.name().name(), file.checksum(), history.nextBatch()));
                r = new RepairResult(version, file.name().name(), status, true);
            } else {
                if (applied == null) {
                    return new RepairResult(version, file == null ? "" : file.name().name(), status, false);
                }
                String name = applied.name() != null ? applied.name() : file == null ? "" : file.name().name();
                history.markReverted(version, session.actor(), session.clock().instant());
                History.Attempt a = attempt(version, name, null, history.nextBatch());
                history.log(new History.Attempt(a.version(), a.name(), "repair-reverted", null, a.batch(), a.appliedBy(), a.source(),
                        a.startedAt(), 0, true, null, null, null, false));
                r = new RepairResult(version, name, status, true);
            }
            c.commit();
            return r;
        } catch (SQLException e) {
            throw History.failure("repair on " + session.target().display() + " failed", e);
        }
    }

    private History.Attempt attempt(String version, String name, String checksum, int batch) {
        return new History.Attempt(version, name, "repair", checksum, batch, session.actor(), session.source(),
                session.clock().instant(), 0, true, null, null, null, false);
    }
}
