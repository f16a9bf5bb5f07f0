package dev.pgpilot.core.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.ClosedPort;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.EnvironmentMatrix;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.EnvironmentMatrix.State;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** status --env all on three real databases (CREATE DATABASE on the embedded server) at different versions. */
class EnvironmentMatrixTest {
    static final String V1 = "20240101000000";
    static final String V2 = "20240102000000";
    static final String V3 = "20240103000000";
    static final String YAML = """
            environments:
              staging:
                url_env: STAGING_URL
              production:
                url_env: PROD_URL
                protected: true
              dev:
                url_env: DEV_URL
            """;

    /** A fresh database with the migrations up to {@code version} applied by the real engine. */
    static DatabaseTarget atVersion(Path dir, String version) {
        DatabaseTarget db = TestDatabase.fresh();
        new Pilot(new Pilot.Options(dir, TestDatabase.url(db), null, "cli", "test"), Clock.systemUTC(), Map.of())
                .up(new UpOptions(version, false, false, false), ApplyListener.NONE);
        return db;
    }

    static Path project() throws Exception {
        Path dir = DriftFixture.project();
        Files.writeString(dir.resolve("pgpilot.yaml"), YAML);
        return dir;
    }

    static Map<String, String> urls(DatabaseTarget staging, DatabaseTarget production, DatabaseTarget dev) {
        return Map.of("STAGING_URL", TestDatabase.url(staging), "PROD_URL", TestDatabase.url(production), "DEV_URL", TestDatabase.url(dev));
    }

    static EnvironmentMatrix matrix(Path dir, Map<String, String> env) {
        return new Pilot(new Pilot.Options(dir, null, "all", "cli", "test"), Clock.systemUTC(), env).environmentMatrix();
    }

    @Test
    void threeDatabasesAtDifferentVersionsShowWhoIsBehindWhom() throws Exception {
        Path dir = project();
        EnvironmentMatrix m = matrix(dir, urls(atVersion(dir, V2), atVersion(dir, V1), atVersion(dir, V3)));

        assertEquals(List.of("staging", "production", "dev"), m.environments().stream().map(EnvironmentMatrix.Column::name).toList(),
                "the order of pgpilot.yaml, not alphabetical");
        assertEquals(List.of(V1, V2, V3), m.rows().stream().map(EnvironmentMatrix.Row::version).toList());
        assertEquals(Map.of("staging", State.APPLIED, "production", State.APPLIED, "dev", State.APPLIED), m.rows().get(0).states());
        assertEquals(Map.of("staging", State.APPLIED, "production", State.PENDING, "dev", State.APPLIED), m.rows().get(1).states());
        assertEquals(Map.of("staging", State.PENDING, "production", State.PENDING, "dev", State.APPLIED), m.rows().get(2).states());
        assertEquals(List.of("staging is 1 behind dev", "production is 1 behind staging", "production is 2 behind dev"),
                m.behind().stream().map(EnvironmentMatrix.Behind::sentence).toList());
        assertFalse(m.agree());
        assertEquals(1, m.checkExitCode());
    }

    @Test
    void environmentsAtTheSameVersionAgreeAndPassTheCheck() throws Exception {
        Path dir = project();
        EnvironmentMatrix m = matrix(dir, urls(atVersion(dir, V2), atVersion(dir, V2), atVersion(dir, V2)));
        assertTrue(m.agree());
        assertTrue(m.behind().isEmpty());
        assertEquals(0, m.checkExitCode(), "pending everywhere is not a disagreement");
    }

    @Test
    void editedFileAndHotfixWithoutAFileAreShownPerEnvironment() throws Exception {
        Path dir = project();
        DatabaseTarget staging = atVersion(dir, V2);
        DatabaseTarget prod = atVersion(dir, V2);
        DatabaseTarget dev = atVersion(dir, V2);
        try (Connection c = prod.connect(); Statement s = c.createStatement()) {
            s.execute("insert into supabase_migrations.schema_migrations (version, name) values ('20240101120000', 'hotfix')");
        }
        Path notes = dir.resolve("supabase/migrations/20240101000000_notes.sql");
        Files.writeString(notes, Files.readString(notes) + "\n-- edited after it was applied\n");
        EnvironmentMatrix m = matrix(dir, urls(staging, prod, dev));

        EnvironmentMatrix.Row hotfix = m.rows().get(1);
        assertEquals("20240101120000", hotfix.version(), "a version only the history knows sits in version order");
        assertEquals("hotfix", hotfix.name());
        assertEquals(Map.of("staging", State.PENDING, "production", State.MISSING_FILE, "dev", State.PENDING), hotfix.states());
        assertEquals(State.MODIFIED, m.rows().get(0).states().get("dev"));
        assertEquals(List.of("staging is 1 behind production", "dev is 1 behind production"),
                m.behind().stream().map(EnvironmentMatrix.Behind::sentence).toList());
        assertEquals(1, m.checkExitCode());
    }

    /**
     * A server that accepts the connection and never answers: the others are still read, side by
     * side, and the silent one is marked unreachable once its login deadline passes.
     */
    @Test
    void aSilentEnvironmentIsMarkedUnreachableWhileTheOthersAreRead() throws Exception {
        Path dir = project();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>();
            env.put("STAGING_URL", TestDatabase.url(atVersion(dir, V2)));
            env.put("PROD_URL", "postgresql://postgres@127.0.0.1:" + silent.getLocalPort() + "/postgres");
            env.put("DEV_URL", TestDatabase.url(atVersion(dir, V3)));
            EnvironmentMatrix m = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> matrix(dir, env));
            assertEquals(List.of(true, false, true), m.environments().stream().map(EnvironmentMatrix.Column::reachable).toList());
            assertEquals(2, m.checkExitCode());
        }
    }

    @Test
    void unreachableEnvironmentIsShownAsSuchAndTheCheckExitsTwo() throws Exception {
        Path dir = project();
        ClosedPort closed = new ClosedPort(); // held until the test JVM exits: nothing else may take the port meanwhile
        int closedPort = closed.port();
        Map<String, String> env = new HashMap<>();
        env.put("STAGING_URL", TestDatabase.url(atVersion(dir, V2)));
        env.put("PROD_URL", "postgresql://postgres:secret-pw@127.0.0.1:" + closedPort + "/postgres");
        // DEV_URL not set at all
        EnvironmentMatrix m = matrix(dir, env);

        EnvironmentMatrix.Column prod = m.environments().get(1);
        assertFalse(prod.reachable());
        assertTrue(prod.error().startsWith("cannot connect to postgresql://postgres@127.0.0.1:" + closedPort), prod.error());
        assertFalse(prod.error().contains("secret-pw"), "passwords are never shown");
        EnvironmentMatrix.Column dev = m.environments().get(2);
        assertFalse(dev.reachable());
        assertNull(dev.target());
        assertTrue(dev.error().contains("$DEV_URL is not set"), dev.error());
        assertEquals(Map.of("staging", State.APPLIED), m.rows().get(0).states(), "only reachable environments have states");
        assertEquals(2, m.checkExitCode());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> envs = (List<Map<String, Object>>) m.toJsonMap().get("environments");
        assertEquals(false, envs.get(1).get("reachable"));
    }
}
