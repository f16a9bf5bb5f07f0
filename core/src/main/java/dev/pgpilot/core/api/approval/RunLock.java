package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One approved change at a time per database, across every bot process: held from the last check of
 * what was shown, through writing and applying, to recording the outcome, so nothing can slip in
 * between "still what you saw" and "run it". A session lock on its own connection (the engine's
 * own migration lock is taken inside, on another key); a process that dies drops it.
 */
final class RunLock implements AutoCloseable {
    /** The ASCII bytes of "pgpappr1", apart from the migration lock's key. */
    private static final long KEY = 0x70677061_70707231L;

    private final Connection conn;

    private RunLock(Connection conn) {
        this.conn = conn;
    }

    static RunLock acquire(DatabaseTarget target) {
        Connection c = target.connect();
        try {
            call(c, "SELECT pg_advisory_lock(?) IS NULL");
            return new RunLock(c);
        } catch (SQLException e) {
            close(c);
            throw PilotException.error("cannot take the approval lock on " + target.display() + ": " + e.getMessage(), null);
        }
    }

    /** The lock when nobody holds it; empty while another process is running an approved change. */
    static Optional<RunLock> tryAcquire(DatabaseTarget target) {
        Connection c = target.connect();
        try {
            if (call(c, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.of(new RunLock(c));
            }
            close(c);
            return Optional.empty();
        } catch (SQLException e) {
            close(c);
            throw PilotException.error("cannot take the approval lock on " + target.display() + ": " + e.getMessage(), null);
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
        close(conn);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing the session releases the lock; nothing else to do with it
        }
    }
}
