package dev.pgpilot.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One run at a time per database: a session-level advisory lock held on its own connection for the
 * whole run. Session level, not transaction level, because a run spans many transactions (and
 * statements outside any). If the process dies, the server drops the session and the lock with it.
 */
public final class MigrationLock implements AutoCloseable {
    /** Fixed key shared by every pgpilot process: the ASCII bytes of "pgpilot1". */
    static final long KEY = 0x70677069_6c6f7431L;

    private final Connection conn;

    private MigrationLock(Connection conn) {
        this.conn = conn;
    }

    /** Takes the lock, waiting for another run to finish; {@code onWait} is called once if it has to wait. */
    public static MigrationLock acquire(DatabaseTarget target, Runnable onWait) {
        Connection c = target.connect();
        try {
            c.setAutoCommit(true);
            if (!call(c, "SELECT pg_try_advisory_lock(?)")) {
                onWait.run();
                call(c, "SELECT pg_advisory_lock(?) IS NULL");
            }
            return new MigrationLock(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw History.failure("cannot take the migration lock on " + target.display(), e);
        }
    }

    private static boolean call(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            call(conn, "SELECT pg_advisory_unlock(?)");
        } catch (SQLException ignored) {
            // closing the session below releases it anyway
        }
        closeQuietly(conn);
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with a connection we are discarding
        }
    }
}
