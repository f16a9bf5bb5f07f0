package dev.pgpilot.core.engine;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import dev.pgpilot.core.workspace.SeedFiles;
import dev.pgpilot.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs seed files after a reset's migrations, as {@code supabase db reset} does: each file in one
 * transaction after {@code RESET ALL}, recorded in {@code supabase_migrations.seed_files (path, hash)}
 * with the CLI's table, path and hash, so either tool sees which seeds ran on the database.
 */
public final class Seeder {
    // The Supabase CLI's own statements (pkg/migration/history.go), so the table is the same whoever made it.
    private static final String[] SEED_TABLE_DDL = {
        "SET lock_timeout = '4s'",
        "CREATE SCHEMA IF NOT EXISTS supabase_migrations",
        "CREATE TABLE IF NOT EXISTS supabase_migrations.seed_files (path text NOT NULL PRIMARY KEY, hash text NOT NULL)",
    };
    private static final String UPSERT = "INSERT INTO supabase_migrations.seed_files(path, hash) VALUES (?, ?)"
            + " ON CONFLICT (path) DO UPDATE SET hash = EXCLUDED.hash";

    private Seeder() {}

    /** Runs every seed on {@code target}; returns the paths run, in order. A failing statement names the file and line. */
    public static List<String> run(DatabaseTarget target, List<SeedFiles.Seed> seeds) {
        List<String> ran = new ArrayList<>();
        if (seeds.isEmpty()) {
            return ran;
        }
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String ddl : SEED_TABLE_DDL) s.execute(ddl);
            }
            c.commit();
            for (SeedFiles.Seed seed : seeds) {
                runOne(c, seed);
                ran.add(seed.path());
            }
            return ran;
        } catch (SQLException e) {
            throw PilotException.error("cannot seed " + target.display() + ": " + History.firstLine(e.getMessage()), null);
        }
    }

    private static void runOne(Connection c, SeedFiles.Seed seed) throws SQLException {
        SessionSettings.resetBeforeFile(c, "");
        String text = Workspace.read(seed.file());
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        SqlStatement current = null;
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (SqlStatement st : SqlScript.parse(text).statements()) {
                current = st;
                s.execute(st.sql());
            }
            current = null;
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, seed.path());
                ps.setString(2, seed.hash());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            String where = current == null ? "" : " line " + current.line();
            throw PilotException.error("seed file " + seed.path() + where + " failed: " + History.firstLine(e.getMessage()),
                    "fix " + seed.path() + " and run reset again (the migrations are applied; this seed file's rows were rolled back)");
        }
    }
}
