package dev.pgpilot.core.engine;

import java.sql.SQLException;

/**
 * The server's "extension ... is not available" (no control file installed). The embedded server
 * has no binary for some extensions Supabase projects need (postgis, pgroonga, ...), so up and diff
 * both say what the server offers ({@code target.ServerExtensions}) and where such a project can run.
 */
public final class MissingExtension {
    private MissingExtension() {}

    public static boolean is(SQLException e) {
        return e != null && "0A000".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("is not available");
    }
}
