package dev.pgpilot.core.eval;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.UpOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One app schema of the eval, built once: a project folder whose only migration is the schema's
 * base.sql, applied with {@code up} to a template database (so its history says applied, as on a
 * real project), then helpers.sql and the schema's seed.sql run directly (they are not migrations).
 * Every case gets a copy of both: {@link #copyDatabase} and {@link #copyProject}.
 */
final class SchemaTemplate {
    static final String BASE_FILE = "20250101000000_base_schema.sql";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final String templateDb;
    private final Path project;

    private SchemaTemplate(String name, String templateDb, Path project) {
        this.name = name;
        this.templateDb = templateDb;
        this.project = project;
    }

    static SchemaTemplate build(Path evalDir, String schema, Path work) throws IOException, SQLException {
        Path dir = evalDir.resolve(schema);
        DatabaseTarget db = TestDatabase.fresh();
        Path project = Files.createDirectories(work.resolve("base-" + schema));
        Files.createDirectories(project.resolve("supabase/migrations"));
        Files.copy(dir.resolve("base.sql"), project.resolve("supabase/migrations").resolve(BASE_FILE));
        // The base may trip lint rules a hand-written schema often does; it is applied as history, not judged.
        pilot(project, db).up(new UpOptions(null, false, false, true), ApplyListener.NONE);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(evalDir.resolve("helpers.sql")));
            if (Files.exists(dir.resolve("seed.sql"))) s.execute(Files.readString(dir.resolve("seed.sql")));
        }
        return new SchemaTemplate(schema, dbName(db), project);
    }

    static Pilot pilot(Path project, DatabaseTarget db) {
        return new Pilot(new Pilot.Options(project, TestDatabase.url(db), null, "cli", "dev-eval"), Clock.systemUTC(), Map.of());
    }

    String name() {
        return name;
    }

    /** A new database copied from the template (the template has no open connection, so this is a file copy). */
    synchronized DatabaseTarget copyDatabase() throws SQLException {
        String copy = "ev_" + name.replaceAll("\\W", "_") + "_" + COUNTER.incrementAndGet();
        try (Connection c = TestDatabase.server().connect(); Statement s = c.createStatement()) {
            s.execute("create database " + copy + " template " + templateDb);
        }
        return TestDatabase.server().withDatabase(copy);
    }

    private DatabaseTarget readOnly;

    /**
     * One copy shared by the refuse and ask cases: they only plan, and a plan reads the catalog but
     * writes nothing to the database, so a copy each (a quarter second) buys nothing.
     */
    synchronized DatabaseTarget readOnlyDatabase() throws SQLException {
        if (readOnly == null) readOnly = copyDatabase();
        return readOnly;
    }

    static void drop(DatabaseTarget db) {
        try (Connection c = TestDatabase.server().connect(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + dbName(db) + " with (force)");
        } catch (SQLException e) {
            // a leftover database costs disk space only; the run goes on
        }
    }

    /** A copy of the base project folder (config and base migration) for one case. */
    Path copyProject(Path into) throws IOException {
        try (Stream<Path> files = Files.walk(project)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = into.resolve(project.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return into;
    }

    private static String dbName(DatabaseTarget db) {
        return db.jdbcUrl().replaceAll("^.*/([^/?]+).*$", "$1");
    }
}
