package dev.pgpilot.core.request;

import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one statement as a real Supabase role, the way PostgREST does: {@code authenticated} with
 * {@code request.jwt.claims} naming the user, or {@code anon}. Each call commits on its own.
 */
final class AsRole {
    static final String A = "00000000-0000-0000-0000-00000000000a";
    static final String B = "00000000-0000-0000-0000-00000000000b";
    static final String C = "00000000-0000-0000-0000-00000000000c";
    static final String ANON = null;

    private AsRole() {}

    /** The rows a query returns, or the rows a DML statement touched, as user (null = anon). */
    static long rows(DatabaseTarget db, String user, String sql) throws SQLException {
        return rows(db, user, sql, false);
    }

    /**
     * As Supabase's Storage API deletes: it turns storage.allow_delete_query on, without which
     * Supabase refuses any SQL delete from storage tables, before RLS is even asked.
     */
    static long rowsThroughStorageApi(DatabaseTarget db, String user, String sql) throws SQLException {
        return rows(db, user, sql, true);
    }

    private static long rows(DatabaseTarget db, String user, String sql, boolean storageApi) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            become(s, user);
            if (storageApi) s.execute("set local storage.allow_delete_query = 'true'");
            long n;
            if (s.execute(sql)) {
                n = 0;
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) n++;
                }
            } else {
                n = s.getUpdateCount();
            }
            c.commit();
            return n;
        }
    }

    /** True when row level security (or a missing grant) refuses the statement for that user. */
    static boolean refused(DatabaseTarget db, String user, String sql) throws SQLException {
        try {
            rows(db, user, sql);
            return false;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) return true;
            throw e;
        }
    }

    private static void become(Statement s, String user) throws SQLException {
        String role = user == null ? "anon" : "authenticated";
        String claims = user == null ? "{\"role\":\"anon\"}" : "{\"sub\":\"" + user + "\",\"role\":\"authenticated\"}";
        s.execute("select set_config('request.jwt.claims', '" + claims + "', true)");
        s.execute("set local role " + role);
    }
}
