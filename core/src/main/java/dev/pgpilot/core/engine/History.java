package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.HistoryEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What has run: the Supabase CLI's {@code supabase_migrations.schema_migrations} (the shared truth of
 * "applied", so both tools agree) and pgpilot's own {@code pgpilot.migration_log} (every attempt).
 * All methods work on the caller's connection and transaction, so history rows commit or roll back
 * together with the migration they describe.
 */
public final class History {
    /**
     * One applied version as the database knows it.
     *
     * @param statementsDigest {@link StoredStatements#digest} of the row's statements (computed by the
     *                         server, so status does not fetch them); null when the row has none
     * @param checksum         what pgpilot's log recorded for the file; null when unknown (e.g. applied by the Supabase CLI)
     */
    public record AppliedVersion(String version, String name, String statementsDigest, String checksum) {}

    /** What a log row says about an attempt; the caller supplies who and when. */
    public record Attempt(String version, String name, String direction, String checksum, int batch, String appliedBy,
                          String source, Instant startedAt, long executionMs, boolean success, String error,
                          String failedStatement, Integer failedLine, boolean lintOverride) {}

    // The Supabase CLI creates the table with its version key and adds the other columns later;
    // doing the same keeps a table created by either tool identical.
    private static final String[] SCHEMA_MIGRATIONS_DDL = {
        "CREATE SCHEMA IF NOT EXISTS supabase_migrations",
        "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)",
        "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]",
        "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text",
    };
    private static final String[] LOG_DDL = {
        "CREATE SCHEMA IF NOT EXISTS pgpilot",
        """
        CREATE TABLE IF NOT EXISTS pgpilot.migration_log (
          id bigserial PRIMARY KEY,
          version text NOT NULL,
          name text,
          direction text NOT NULL DEFAULT 'up',
          checksum text,
          batch integer NOT NULL DEFAULT 0,
          applied_by text,
          source text,
          started_at timestamptz NOT NULL DEFAULT now(),
          execution_ms bigint NOT NULL DEFAULT 0,
          success boolean NOT NULL,
          error text,
          failed_statement text,
          failed_line integer,
          reverted_at timestamptz,
          reverted_by text,
          lint_override boolean NOT NULL DEFAULT false
        )""",
        "CREATE INDEX IF NOT EXISTS migration_log_version_idx ON pgpilot.migration_log (version)",
        // Progress of files that run outside a transaction: a retry resumes after the last statement done.
        """
        CREATE TABLE IF NOT EXISTS pgpilot.migration_progress (
          version text PRIMARY KEY,
          checksum text NOT NULL,
          statements_done integer NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now()
        )""",
    };

    private final Connection conn;
    private Set<String> migrationColumns;

    public History(Connection conn) {
        this.conn = conn;
    }

    /** Creates the history tables when absent (idempotent; safe under concurrent callers holding the migration lock). */
    public void ensureTables() throws SQLException {
        try (Statement s = conn.createStatement()) {
            for (String ddl : SCHEMA_MIGRATIONS_DDL) s.execute(ddl);
            for (String ddl : LOG_DDL) s.execute(ddl);
        }
        migrationColumns = null;
    }

    private boolean tableExists(String qualified) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Columns of schema_migrations: newer Supabase CLIs add some, older tables lack some; write only what exists. */
    private Set<String> migrationColumns() throws SQLException {
        if (migrationColumns == null) {
            Set<String> cols = new HashSet<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'supabase_migrations' AND table_name = 'schema_migrations'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) cols.add(rs.getString(1));
            }
            migrationColumns = cols;
        }
        return migrationColumns;
    }

    /** Whether this database keeps a migration history at all (pgpilot's or the Supabase CLI's table). */
    public boolean exists() throws SQLException {
        return tableExists("supabase_migrations.schema_migrations");
    }

    /** Applied versions in version order, each with the checksum pgpilot recorded for it (if any). */
    public List<AppliedVersion> applied() throws SQLException {
        if (!tableExists("supabase_migrations.schema_migrations")) {
            return List.of();
        }
        Set<String> cols = migrationColumns();
        boolean hasLog = tableExists("pgpilot.migration_log");
        String sql = "SELECT m.version, " + (cols.contains("name") ? "m.name" : "NULL") + ", "
                + (cols.contains("statements") ? StoredStatements.DIGEST_SQL : "NULL") + ", "
                + (hasLog ? "l.checksum" : "NULL") + " FROM supabase_migrations.schema_migrations m"
                + (hasLog ? " LEFT JOIN (SELECT DISTINCT ON (version) version, checksum FROM pgpilot.migration_log"
                        + " WHERE success AND direction IN ('up', 'repair') AND reverted_at IS NULL ORDER BY version, id DESC) l"
                        + " ON l.version = m.version" : "");
        Map<String, AppliedVersion> out = new LinkedHashMap<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), new AppliedVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        List<AppliedVersion> list = new ArrayList<>(out.values());
        list.sort((x, y) -> dev.pgpilot.core.api.model.MigrationName.VERSION_ORDER.compare(x.version(), y.version()));
        return list;
    }

    /** Writes the schema_migrations row as the Supabase CLI does (version, name, statements). */
    public void markApplied(String version, String name, List<String> statements, String actor) throws SQLException {
        Set<String> cols = migrationColumns();
        List<String> names = new ArrayList<>(List.of("version"));
        List<String> values = new ArrayList<>(List.of("?"));
        if (cols.contains("name")) { names.add("name"); values.add("?"); }
        // Passed as JSON so the statement text needs no array-literal escaping.
        if (cols.contains("statements")) { names.add("statements"); values.add("ARRAY(SELECT jsonb_array_elements_text(?::jsonb))"); }
        if (cols.contains("created_by")) { names.add("created_by"); values.add("?"); }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO supabase_migrations.schema_migrations ("
                + String.join(", ", names) + ") VALUES (" + String.join(", ", values) + ")")) {
            int i = 1;
            ps.setString(i++, version);
            if (cols.contains("name")) ps.setString(i++, name);
            if (cols.contains("statements")) ps.setString(i++, Json.stringArray(statements));
            if (cols.contains("created_by")) ps.setString(i++, actor);
            ps.executeUpdate();
        }
    }

    /** Removes the schema_migrations row and marks the successful log rows of that version reverted. */
    public void markReverted(String version, String actor, Instant when) throws SQLException {
        forget(version);
        try (PreparedStatement ps = conn.prepareStatement("UPDATE pgpilot.migration_log SET reverted_at = ?, reverted_by = ?"
                + " WHERE version = ? AND success AND direction IN ('up', 'repair') AND reverted_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(when));
            ps.setString(2, actor);
            ps.setString(3, version);
            ps.executeUpdate();
        }
    }

    /** Deletes the schema_migrations row only. */
    public void forget(String version) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM supabase_migrations.schema_migrations WHERE version = ?")) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    public int nextBatch() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(batch), 0) + 1 FROM pgpilot.migration_log")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public void log(Attempt a) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pgpilot.migration_log (version, name, direction, checksum, batch,"
                + " applied_by, source, started_at, execution_ms, success, error, failed_statement, failed_line, lint_override)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.version());
            ps.setString(2, a.name());
            ps.setString(3, a.direction());
            ps.setString(4, a.checksum());
            ps.setInt(5, a.batch());
            ps.setString(6, a.appliedBy());
            ps.setString(7, a.source());
            ps.setTimestamp(8, Timestamp.from(a.startedAt()));
            ps.setLong(9, a.executionMs());
            ps.setBoolean(10, a.success());
            ps.setString(11, a.error());
            ps.setString(12, a.failedStatement());
            if (a.failedLine() == null) ps.setNull(13, java.sql.Types.INTEGER); else ps.setInt(13, a.failedLine());
            ps.setBoolean(14, a.lintOverride());
            ps.executeUpdate();
        }
    }

    /** Every attempt, oldest first. Empty when pgpilot never ran here. */
    public List<HistoryEntry> entries() throws SQLException {
        if (!tableExists("pgpilot.migration_log")) {
            return List.of();
        }
        List<HistoryEntry> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT id, version, name, direction, checksum, batch,"
                + " applied_by, source, started_at, execution_ms, success, error, failed_statement, failed_line, reverted_at,"
                + " reverted_by, lint_override FROM pgpilot.migration_log ORDER BY id")) {
            while (rs.next()) {
                Timestamp reverted = rs.getTimestamp(15);
                int line = rs.getInt(14);
                Integer failedLine = rs.wasNull() ? null : line;
                out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getLong(10), rs.getBoolean(11),
                        rs.getString(12), rs.getString(13), failedLine, reverted == null ? null : reverted.toInstant(),
                        rs.getString(16), rs.getBoolean(17)));
            }
        }
        return out;
    }

    /** Statements already done of a file that runs outside a transaction, or 0. A different checksum starts over. */
    public int progress(String version, String checksum) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT checksum, statements_done FROM pgpilot.migration_progress WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(checksum)) return rs.getInt(2);
            }
        }
        return 0;
    }

    public void saveProgress(String version, String checksum, int done) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pgpilot.migration_progress (version, checksum, statements_done)"
                + " VALUES (?, ?, ?) ON CONFLICT (version) DO UPDATE SET checksum = excluded.checksum,"
                + " statements_done = excluded.statements_done, updated_at = now()")) {
            ps.setString(1, version);
            ps.setString(2, checksum);
            ps.setInt(3, done);
            ps.executeUpdate();
        }
    }

    public void clearProgress(String version) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM pgpilot.migration_progress WHERE version = ?")) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    static PilotException failure(String what, SQLException e) {
        return new PilotException(what + ": " + firstLine(e.getMessage()), null, PilotException.ERROR, e);
    }

    static String firstLine(String s) {
        return s == null ? "" : s.split("\n")[0];
    }
}
