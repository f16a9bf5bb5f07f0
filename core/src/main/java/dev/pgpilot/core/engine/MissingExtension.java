package dev.pgpilot.core.engine;

import java.sql.SQLException;

/**
 * The server's "extension ... is not available" (no control file installed). The embedded server
 * carries PostgreSQL's contrib extensions only, while Supabase projects often need vector, postgis,
 * pg_net, pg_cron and the like, so up and diff both say where such a project can run.
 */
public final class MissingExtension {
    private MissingExtension() {}

    public static boolean is(SQLException e) {
        return e != null && "0A000".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("is not available");
    }
}
