package dev.pgpilot.core.engine;

import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.Pilot;
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
public final class Project {
    public final Path dir;
    public final DatabaseTarget db;

    public Project(String config) {
        try {
            dir = Files.createTempDirectory("pgpilot-engine");
            Files.createDirectories(migrations());
            if (config != null) Files.writeString(dir.resolve("pgpilot.yaml"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = TestDatabase.fresh();
    }

    public Project() {
        this(null);
    }

    public Path migrations() {
        return dir.resolve("supabase/migrations");
    }

    public String url() {
        return db.display();
    }

    /** Writes a migration, or a down script ({@code .down.sql}) where pgpilot keeps those. */
    public Path write(String fileName, String sql) {
        try {
            Path file = fileName.endsWith(".down.sql") ? migrations().resolve(DownScripts.FOLDER).resolve(fileName) : migrations().resolve(fileName);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Pilot pilot() {
        return new Pilot(new Pilot.Options(dir, url(), null, "cli", "tester"), Clock.systemUTC(), Map.of());
    }

    public long count(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void exec(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean tableExists(String name) {
        return count("select count(*) from pg_class where oid = to_regclass('" + name + "')") == 1;
    }
}
