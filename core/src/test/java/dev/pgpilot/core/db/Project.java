package dev.pgpilot.core.db;

import dev.pgpilot.core.Pilot;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.workspace.DownScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

/** A throw-away project folder bound to a fresh test database. */
final class Project {
    final Path dir;
    final DatabaseTarget db;

    Project(String config) {
        try {
            dir = Files.createTempDirectory("pgpilot-engine");
            Files.createDirectories(migrations());
            if (config != null) Files.writeString(dir.resolve("pgpilot.yaml"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = TestDatabase.fresh();
    }

    Project() {
        this(null);
    }

    Path migrations() {
        return dir.resolve("supabase/migrations");
    }

    String url() {
        return db.display();
    }

    /** Writes a migration, or a down script ({@code .down.sql}) where pgpilot keeps those. */
    Path write(String fileName, String sql) {
        try {
            Path file = fileName.endsWith(".down.sql") ? migrations().resolve(DownScripts.FOLDER).resolve(fileName) : migrations().resolve(fileName);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Pilot pilot() {
        return new Pilot(new Pilot.Options(dir, url(), null, "cli", "tester"), Clock.systemUTC(), Map.of());
    }

    long count(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean tableExists(String name) {
        return count("select count(*) from pg_class where oid = to_regclass('" + name + "')") == 1;
    }
}
