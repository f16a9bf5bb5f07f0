package dev.pgpilot.core.engine;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.PilotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run at a time per database: a session-level advisory lock held on its own connection for the
 * whole run. Session level, not transaction level, because a run spans many transactions (and
 * statements outside any). If the process dies, the server drops the session and the lock with it.
 *
 * <p>The lock is only as alive as its session. An idle session is what {@code idle_session_timeout}
 * and connection-reaping proxies end, so the connection asks the server every second whether it
 * still holds the lock (which also keeps it from being idle); the runner calls {@link #verify} before
 * each migration and stops when the lock is gone, instead of running beside a second {@code up}.
 */
public final class MigrationLock implements AutoCloseable {
    /** Fixed key shared by every pgpilot process: the ASCII bytes of "pgpilot1". */
    static final long KEY = 0x70677069_6c6f7431L;
    private static final long KEEPALIVE_MILLIS = 1000;
    // pg_locks shows a bigint advisory key as classid (high 32 bits) and objid (low 32 bits), objsubid 1
    private static final String HELD = "SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
            + " AND objsubid = 1 AND classid::bigint = (? >> 32) AND objid::bigint = (? & 4294967295)";

    private final Connection conn;
    private final String target;
    private final boolean checked;
    private final ScheduledExecutorService keepalive;
    /** Why the lock was found lost (by the keepalive or a verify), or null while it is held. */
    private volatile String lost;

    /**
     * @param checked false behind a transaction-mode pooler, where each transaction may get another
     *                backend and the lock cannot hold at all (the runner warns about that instead)
     */
    private MigrationLock(Connection conn, String target, boolean checked) {
        this.conn = conn;
        this.target = target;
        this.checked = checked;
        this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pgpilot-lock-keepalive");
            t.setDaemon(true);
            return t;
        });
        keepalive.scheduleWithFixedDelay(this::check, KEEPALIVE_MILLIS, KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
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
            return new MigrationLock(c, target.display(), !target.looksLikeTransactionPooler());
        } catch (SQLException e) {
            closeQuietly(c);
            throw History.failure("cannot take the migration lock on " + target.display(), e);
        }
    }

    /** Asks the server whether this session still holds the lock; remembers the first answer that says no. */
    private synchronized void check() {
        if (lost != null || !checked) return;
        try (PreparedStatement ps = conn.prepareStatement(HELD)) {
            ps.setLong(1, KEY);
            ps.setLong(2, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) lost = "the session no longer holds it";
            }
        } catch (SQLException e) {
            lost = "its connection was closed (" + History.firstLine(e.getMessage()) + ")";
        }
    }

    /**
     * Stops the run when the lock is gone. Checked on the server now, not only from the last keepalive.
     *
     * @param next the migration about to run, for the message
     */
    public void verify(String next, int doneSoFar) {
        check();
        if (lost != null) {
            throw PilotException.error("lost the migration lock before " + next + " on " + target + ": " + lost,
                    doneSoFar + " migration(s) of this run completed and were recorded; nothing ran after the lock was lost. "
                            + "Run `pgpilot up` again (if connections are reaped by a proxy or idle_session_timeout, connect directly)");
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
        keepalive.shutdownNow();
        synchronized (this) {
            try {
                call(conn, "SELECT pg_advisory_unlock(?)");
            } catch (SQLException ignored) {
                // closing the session below releases it anyway
            }
            closeQuietly(conn);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with a connection we are discarding
        }
    }
}
