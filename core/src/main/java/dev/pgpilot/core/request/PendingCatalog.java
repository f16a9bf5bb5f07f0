package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.engine.SessionSettings;
import dev.pgpilot.core.drift.ShadowReplay;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.workspace.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The catalog a new migration is planned against: the target's catalog as it will be once the
 * pending (written, not applied) migrations have run. A new file is applied after them, so it must
 * see what they create (a table to add to, the shared set_updated_at() it must not recreate and
 * then drop). The pending files run in one transaction that is always rolled back, with short
 * lock and statement timeouts so planning never queues behind, or holds up, real traffic for long.
 */
public final class PendingCatalog {
    private static final String TIMEOUTS = "set local lock_timeout = '2s'; set local statement_timeout = '30s'";

    private PendingCatalog() {}

    public static Catalog load(Connection c, List<MigrationFile> pending) {
        if (pending.isEmpty()) return Catalog.load(c);
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (MigrationFile m : pending) {
                    SessionSettings.resetBeforeFile(c, TIMEOUTS);
                    replay(s, m);
                }
                SessionSettings.resetBeforeFile(c, TIMEOUTS);
                return Catalog.load(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot read the catalog: " + Sql.oneLine(e.getMessage()), null);
        }
    }

    /**
     * With no target database: the schema the migrations describe, every file replayed into a
     * throwaway database on {@code server} (dropped again).
     */
    public static Catalog fromMigrations(DatabaseTarget server, List<MigrationFile> files) {
        try (ShadowReplay.Shadow shadow = ShadowReplay.createShadow(server)) {
            ShadowReplay.replay(shadow.target(), files, null);
            try (Connection c = shadow.target().connect()) {
                return Catalog.load(c);
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot read the catalog the migrations describe: " + Sql.oneLine(e.getMessage()), null);
        }
    }

    private static void replay(Statement s, MigrationFile m) {
        for (SqlStatement st : SqlScript.parse(m.text()).statements()) {
            // the file's own BEGIN/COMMIT would end the rollback-only transaction; CONCURRENTLY
            // statements cannot run in one and only build indexes, which planning can do without
            if (st.isTransactionControl() || st.cannotRunInTransaction()) continue;
            try {
                s.execute(st.sql());
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available: busy tables, not a broken file
                    throw PilotException.error("pending migration " + m.path().getFileName() + " line " + st.line()
                            + " waits for a lock on the target: " + Sql.oneLine(e.getMessage()), "try again, or plan with --offline against the migrations alone");
                }
                throw PilotException.error("pending migration " + m.path().getFileName() + " line " + st.line() + " does not apply: "
                        + Sql.oneLine(e.getMessage()), "fix that file (or apply it with pgpilot up) before planning the next one");
            }
        }
    }
}
