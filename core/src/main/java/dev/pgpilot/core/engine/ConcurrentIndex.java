package dev.pgpilot.core.engine;

import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CREATE [UNIQUE] INDEX CONCURRENTLY} statement and the INVALID index an interrupted build
 * of it leaves behind (lock_timeout, a cancel, a lost connection: PostgreSQL commits the catalog entry
 * first and marks it valid only at the end). A retry with IF NOT EXISTS would skip such an index and
 * one without would fail on it, so before each attempt the leftover is dropped, and after the
 * statement the index must be valid.
 *
 * @param name  the index name as PostgreSQL stores it, or null when the statement lets the server choose one
 * @param table the table as written (a regclass literal)
 */
record ConcurrentIndex(String name, String table, List<Long> invalidBefore) {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF NOT EXISTS\\s+)?(?:(" + StatementText.IDENT
            + ")\\s+)?ON\\s+(?:ONLY\\s+)?(" + StatementText.NAME + ")");

    /** The index a statement builds concurrently, with the invalid indexes its table has now; null for any other statement. */
    static ConcurrentIndex of(SqlStatement st, Connection c) throws SQLException {
        String norm = st.normalized();
        if (!norm.startsWith("CREATE")) return null;
        Matcher m = CREATE.matcher(norm);
        if (!m.lookingAt()) return null;
        String name = m.group(1) == null ? null : StatementText.ident(m.group(1));
        String table = m.group(2); // upper-cased by normalization; regclass input folds unquoted names again
        return new ConcurrentIndex(name, table, invalidOids(c, table, null));
    }

    /**
     * The invalid leftovers of this statement: the named index when it is invalid, or for an unnamed
     * one the invalid indexes of the table that were not invalid before the first attempt.
     */
    List<String> invalidLeftovers(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (long oid : invalidOids(c, table, name)) {
            if (name != null || !invalidBefore.contains(oid)) out.add(regclass(c, oid));
        }
        return out;
    }

    /** Drops the invalid leftovers, concurrently (it waits for lockers like the build, under the same lock_timeout). */
    List<String> dropInvalidLeftovers(Connection c) throws SQLException {
        List<String> dropped = invalidLeftovers(c);
        for (String index : dropped) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
            }
        }
        return dropped;
    }

    private static List<Long> invalidOids(Connection c, String table, String name) throws SQLException {
        String sql = "SELECT i.indexrelid::bigint FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " WHERE i.indrelid = to_regclass(?) AND NOT i.indisvalid" + (name == null ? "" : " AND ic.relname = ?");
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            if (name != null) ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static String regclass(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::bigint::oid::regclass::text")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String r = rs.getString(1);
                // regclass text is unqualified when the schema is on the search_path: qualify it for the DROP
                return r.contains(".") ? r : schemaOf(c, oid) + "." + r;
            }
        }
    }

    private static String schemaOf(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(n.nspname) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace WHERE k.oid = ?::bigint::oid")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
