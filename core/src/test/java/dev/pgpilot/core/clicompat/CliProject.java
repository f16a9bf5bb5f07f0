package dev.pgpilot.core.clicompat;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.SupabaseCli;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A project folder bound to a fresh database, driven by pgpilot and by the real Supabase CLI ({@code --db-url}). */
record CliProject(Path dir, DatabaseTarget db) {
    static CliProject create() throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-cli");
        Files.createDirectories(dir.resolve("supabase/migrations"));
        return new CliProject(dir, TestDatabase.fresh());
    }

    /** The same folder on another fresh database. */
    CliProject onFreshDatabase() {
        return new CliProject(dir, TestDatabase.fresh());
    }

    Pilot pilot() {
        return new Pilot(new Pilot.Options(dir, TestDatabase.url(db), null, "cli", "test"), Clock.systemUTC(), Map.of());
    }

    /** {@code supabase ARGS --db-url URL}, which must exit 0. */
    SupabaseCli.Run cli(String... args) {
        return SupabaseCli.ok(dir, withDbUrl(args));
    }

    /** {@code supabase ARGS --db-url URL}, however it ends. */
    SupabaseCli.Run cliMayFail(String... args) {
        return SupabaseCli.run(dir, withDbUrl(args));
    }

    private String[] withDbUrl(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--db-url", SupabaseCli.dbUrl(db)));
        return a.toArray(String[]::new);
    }

    Path migration(String name) {
        return dir.resolve("supabase/migrations").resolve(name);
    }

    /** version, name and statements of every history row, in version order. */
    List<List<Object>> rows() throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, name, statements from supabase_migrations.schema_migrations order by version collate \"C\"")) {
            while (rs.next()) {
                out.add(List.of(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray())));
            }
        }
        return out;
    }

    /** The first column of every row of {@code sql}. */
    List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    void exec(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
