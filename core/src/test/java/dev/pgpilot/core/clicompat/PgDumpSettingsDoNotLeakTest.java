package dev.pgpilot.core.clicompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.drift.Drift;
import dev.pgpilot.core.request.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code supabase db pull} writes pg_dump-style files that empty the search_path for the session; the
 * CLI runs {@code RESET ALL} before each file, so the next file's unqualified {@code create table}
 * lands in public. Every place pgpilot replays files must do the same: up, reset, diff's shadow and
 * the planner's pending replay.
 */
class PgDumpSettingsDoNotLeakTest {
    private static final String SET_CONFIG = "select pg_catalog.set_config('search_path', '', false);";
    private static final String SET_SEARCH_PATH = "set search_path = '';";

    private static Path project(String emptiesSearchPath) throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-pgdump");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20240101000000_remote_schema.sql"), """
                SET statement_timeout = 0;
                SET lock_timeout = 0;
                SET client_encoding = 'UTF8';
                SET standard_conforming_strings = on;
                %s
                SET check_function_bodies = false;
                SET client_min_messages = warning;

                CREATE TABLE public.dumped (id integer NOT NULL);
                """.formatted(emptiesSearchPath));
        Files.writeString(m.resolve("20240102000000_add_notes.sql"), "create table notes (id int primary key);\n");
        return dir;
    }

    private static Pilot pilot(Path dir, DatabaseTarget db) {
        return new Pilot(new Pilot.Options(dir, TestDatabase.url(db), null, "cli", "test"), Clock.systemUTC(), Map.of());
    }

    private static boolean notesInPublic(DatabaseTarget db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('public.notes') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SET_CONFIG, SET_SEARCH_PATH})
    void upAppliesBothFilesInOneRun(String emptiesSearchPath) throws Exception {
        DatabaseTarget db = TestDatabase.fresh();
        Pilot p = pilot(project(emptiesSearchPath), db);
        assertEquals(2, p.up(UpOptions.all(), ApplyListener.NONE).applied().size());
        assertTrue(notesInPublic(db));
    }

    @ParameterizedTest
    @ValueSource(strings = {SET_CONFIG, SET_SEARCH_PATH})
    void resetReappliesBothFiles(String emptiesSearchPath) throws Exception {
        DatabaseTarget db = TestDatabase.fresh();
        Path dir = project(emptiesSearchPath);
        Files.writeString(dir.resolve("pgpilot.yaml"), "environments:\n  ci:\n    url_env: DB_URL\n    resettable: true\n");
        Pilot p = new Pilot(new Pilot.Options(dir, null, "ci", "cli", "test"), Clock.systemUTC(), Map.of("DB_URL", TestDatabase.url(db)));
        assertEquals(2, p.reset().applied());
        assertTrue(notesInPublic(db));
    }

    @ParameterizedTest
    @ValueSource(strings = {SET_CONFIG, SET_SEARCH_PATH})
    void diffReplaysBothFilesAndFindsNoDrift(String emptiesSearchPath) throws Exception {
        DatabaseTarget db = TestDatabase.fresh();
        Pilot p = pilot(project(emptiesSearchPath), db);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.dumped (id integer not null); create table public.notes (id int primary key)");
        }
        var diff = Drift.check(p.migrations(), null, TestDatabase.server(), db).diff();
        assertTrue(diff.isEmpty(), diff.toText());
    }

    @ParameterizedTest
    @ValueSource(strings = {SET_CONFIG, SET_SEARCH_PATH})
    void thePlannerSeesWhatBothPendingFilesCreate(String emptiesSearchPath) throws Exception {
        DatabaseTarget db = TestDatabase.fresh();
        Catalog catalog = InternalAccess.catalog(pilot(project(emptiesSearchPath), db));
        assertTrue(catalog.tables().containsKey("public.notes"), catalog.tables().keySet().toString());
        assertTrue(catalog.tables().containsKey("public.dumped"), catalog.tables().keySet().toString());
    }
}
