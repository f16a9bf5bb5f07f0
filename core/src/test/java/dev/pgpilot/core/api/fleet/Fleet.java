package dev.pgpilot.core.api.fleet;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A project folder with five migrations and a targets file over fresh test databases. */
final class Fleet {
    static final int MIGRATIONS = 5;

    final Path dir;
    final List<DatabaseTarget> databases = new ArrayList<>();

    Fleet() {
        try {
            dir = Files.createTempDirectory("pgpilot-fleet");
            Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
            for (int i = 1; i <= MIGRATIONS; i++) {
                Files.writeString(m.resolve("2026010100000" + i + "_t" + i + ".sql"),
                        "create table public.t" + i + " (id bigint generated always as identity primary key, note text);\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code n} fresh databases on the shared test server. */
    Fleet withDatabases(int n) {
        for (int i = 0; i < n; i++) databases.add(TestDatabase.fresh());
        return this;
    }

    /** Writes the targets file: {@code tNN URL} per database, then the extra lines given. */
    Path targetsFile(String... extraLines) {
        StringBuilder b = new StringBuilder("# one tenant database per line\n");
        for (int i = 0; i < databases.size(); i++) b.append(name(i)).append(' ').append(databases.get(i).display()).append('\n');
        for (String l : extraLines) b.append(l).append('\n');
        try {
            return Files.writeString(dir.resolve("targets.txt"), b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(int i) {
        return String.format("t%02d", i + 1);
    }

    static void exec(DatabaseTarget db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DatabaseTarget db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long appliedVersions(DatabaseTarget db) {
        if (count(db, "select count(*) from pg_class where oid = to_regclass('supabase_migrations.schema_migrations')") == 0) return 0;
        return count(db, "select count(*) from supabase_migrations.schema_migrations");
    }
}
