package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.workspace.Config;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * lock_timeout and statement_timeout from the config, for every statement pgpilot runs against a
 * target ({@code up} and {@code down}): a DDL statement queued behind a long transaction holds every
 * later query on its table behind it, so it must give up after lock_timeout instead.
 */
final class Timeouts {
    private Timeouts() {}

    /** In a transaction only for it ({@code SET LOCAL}) when {@code local}; for the session otherwise. */
    static void set(Connection c, Config config, boolean local, boolean checkClient) throws SQLException {
        String sql = "SELECT set_config('lock_timeout', ?, " + local + "), set_config('statement_timeout', ?, " + local + ")"
                // A killed client must not leave its transaction running (and holding locks) until the
                // statement ends: the server checks the connection every second during long statements.
                + (checkClient ? ", set_config('client_connection_check_interval', '1s', " + local + ")" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, config.lockTimeout());
            ps.setString(2, config.statementTimeout());
            ps.execute();
        } catch (SQLException e) {
            if ("22023".equals(e.getSQLState())) {
                throw PilotException.error("bad timeout in " + Config.FILE_NAME + ": " + History.firstLine(e.getMessage()),
                        "use a PostgreSQL interval such as 5s or 500ms (0 = no limit)");
            }
            throw e;
        }
    }

    static void reset(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("RESET lock_timeout; RESET statement_timeout");
        } catch (SQLException ignored) {
            // the connection is closed at the end of the run anyway
        }
    }
}
