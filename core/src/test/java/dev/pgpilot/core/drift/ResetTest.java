package dev.pgpilot.core.drift;

import dev.pgpilot.core.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ResetResult;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.core.api.model.UpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResetTest {
    static Pilot pilot(String envName, DatabaseTarget db, String yaml) throws Exception {
        Path dir = DriftFixture.project();
        Files.writeString(dir.resolve("pgpilot.yaml"), yaml);
        String url = TestDatabase.url(db);
        return new Pilot(new Pilot.Options(dir, null, envName, "cli", "test"), Clock.systemUTC(), Map.of("DB_URL", url));
    }

    static boolean notesExist(DatabaseTarget db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('public.keep_me') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static DatabaseTarget withData() throws SQLException {
        DatabaseTarget db = TestDatabase.fresh();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.keep_me (id int)");
        }
        return db;
    }

    @Test
    void resetRefusesAProtectedEnvironmentAndDropsNothing() throws Exception {
        DatabaseTarget db = withData();
        Pilot p = pilot("prod", db, "environments:\n  prod:\n    url_env: DB_URL\n    protected: true\n    resettable: true\n");
        PilotException e = assertThrows(PilotException.class, () -> p.reset());
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("prod is protected"), e.getMessage());
        assertTrue(notesExist(db));
    }

    @Test
    void resetRefusesAnEnvironmentNotMarkedResettable() throws Exception {
        DatabaseTarget db = withData();
        Pilot p = pilot("staging", db, "environments:\n  staging:\n    url_env: DB_URL\n");
        PilotException e = assertThrows(PilotException.class, () -> p.reset());
        assertEquals(PilotException.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("not marked resettable"), e.getMessage());
        assertTrue(notesExist(db));
    }

    @Test
    void resetRefusesAPlainUrlThatIsNotTheEmbeddedDatabase() throws Exception {
        DatabaseTarget db = withData();
        Path dir = DriftFixture.project();
        String url = TestDatabase.url(db);
        Pilot p = new Pilot(new Pilot.Options(dir, url, null, "cli", "test"), Clock.systemUTC(), Map.of());
        assertEquals(PilotException.REFUSED, assertThrows(PilotException.class, () -> p.reset()).exitCode());
        assertTrue(notesExist(db));
    }

    @Test
    void resetOfAResettableEnvironmentDropsHandMadeTablesAndReappliesTheMigrations() throws Exception {
        DatabaseTarget db = withData();
        Pilot p = pilot("ci", db, "environments:\n  ci:\n    url_env: DB_URL\n    resettable: true\n");
        ResetResult r = p.reset();
        assertEquals(3, r.applied());
        assertTrue(!notesExist(db));
        SchemaDiff d = Drift.check(p.migrations(), null, TestDatabase.server(), db).diff();
        assertTrue(d.isEmpty(), d.toText());
    }

    @Test
    void afterAResetStatusCallsEveryMigrationAppliedAndUpHasNothingToDo() throws Exception {
        DatabaseTarget db = withData();
        Pilot p = pilot("ci", db, "environments:\n  ci:\n    url_env: DB_URL\n    resettable: true\n");
        p.reset();
        StatusReport s = p.status();
        assertEquals(3, s.applied().size(), s.toString());
        assertEquals(0, s.pending().size(), s.toString());
        assertEquals(0, p.up(UpOptions.all(), ApplyListener.NONE).applied().size());
    }

    @Test
    void aResetThatCannotReapplyNamesFileLineAndServerMessageAndRecordsTheFailure() throws Exception {
        DatabaseTarget db = withData();
        Pilot p = pilot("ci", db, "environments:\n  ci:\n    url_env: DB_URL\n    resettable: true\n");
        Files.writeString(Workspace.open(p.workdir()).migrationsDir().resolve("20990101000000_needs_base.sql"),
                "create table public.a (id int);\n\ncreate index on public.events (id);\n");
        PilotException e = assertThrows(PilotException.class, () -> p.reset());
        assertTrue(e.getMessage().contains("20990101000000_needs_base.sql:3"), e.getMessage());
        assertTrue(e.getMessage().contains("relation \"public.events\" does not exist"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(3, p.status().applied().size(), "the files before it are applied and recorded");
    }
}
