package dev.pgpilot.core.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** Tells a dead connection from a failing statement: the first is no fault of the migration. */
final class ConnectionLoss {
    private ConnectionLoss() {}

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (terminated, shutting down), or a connection that is closed now. */
    static boolean is(SQLException e, Connection c) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) return true;
        try {
            return c.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }
}
