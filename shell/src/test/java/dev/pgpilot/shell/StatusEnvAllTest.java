package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.EnvironmentMatrix;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** status --env all (matrix, who is behind whom, --check, --json) and status --check on one target. */
class StatusEnvAllTest {
    static Path dir;

    @BeforeAll
    static void project() throws Exception {
        dir = Files.createTempDirectory("pgpilot-status-all");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20240101000000_notes.sql"), "create table public.notes (id int primary key);\n");
        Files.writeString(m.resolve("20240102000000_tags.sql"), "create table public.tags (id int primary key);\n");
        Files.writeString(m.resolve("20240103000000_links.sql"), "create table public.links (id int primary key);\n");
        Files.writeString(dir.resolve("pgpilot.yaml"), """
                environments:
                  staging:
                    url_env: PGPILOT_TEST_STAGING_URL
                  production:
                    url_env: PGPILOT_TEST_PROD_URL
                    protected: true
                """);
    }

    static DatabaseTarget atVersion(String version) {
        DatabaseTarget db = TestDatabase.fresh();
        if (version != null) {
            new Pilot(new Pilot.Options(dir, TestDatabase.url(db), null, "cli", "test"), Clock.systemUTC(), Map.of())
                    .up(new UpOptions(version, false, false, false), ApplyListener.NONE);
        }
        return db;
    }

    record Out(int exit, String text) {}

    static Out view(EnvironmentMatrix m, boolean json, boolean check) {
        StringWriter s = new StringWriter();
        int exit = EnvironmentMatrixView.print(m, json, check, new PrintWriter(s, true));
        return new Out(exit, s.toString());
    }

    static Out pgpilot(String... args) {
        Cli.Run r = Cli.run(dir, args);
        return new Out(r.exit(), r.all());
    }

    @Test
    void matrixShowsEachVersionPerEnvironmentAndWhoIsBehind() throws Exception {
        Map<String, String> env = Map.of("PGPILOT_TEST_STAGING_URL", TestDatabase.url(atVersion("20240103000000")),
                "PGPILOT_TEST_PROD_URL", TestDatabase.url(atVersion("20240101000000")));
        EnvironmentMatrix m = new Pilot(new Pilot.Options(dir, null, "all", "cli", "t"), Clock.systemUTC(), env).environmentMatrix();

        Out text = view(m, false, false);
        assertEquals(0, text.exit(), "without --check the matrix is information only");
        assertTrue(text.text().contains("""
                VERSION         NAME   staging  production
                20240101000000  notes  applied  applied
                20240102000000  tags   applied  pending
                20240103000000  links  applied  pending
                """), text.text());
        assertTrue(text.text().contains("production is 2 behind staging\nenvironments disagree\n"), text.text());
        assertEquals(1, view(m, false, true).exit());

        Out json = view(m, true, true);
        assertEquals(1, json.exit());
        JsonNode root = new ObjectMapper().readTree(json.text());
        assertEquals("staging", root.get("environments").get(0).get("name").asText());
        assertEquals(3, root.get("environments").get(0).get("applied").asInt());
        assertEquals(2, root.get("environments").get(1).get("pending").asInt());
        assertEquals("pending", root.get("migrations").get(1).get("states").get("production").asText());
        assertEquals("20240102000000", root.get("migrations").get(1).get("version").asText());
        assertEquals("production", root.get("behind").get(0).get("environment").asText());
        assertEquals("staging", root.get("behind").get(0).get("behind").asText());
        assertEquals(2, root.get("behind").get(0).get("count").asInt());
        assertEquals(false, root.get("agree").asBoolean());
    }

    @Test
    void environmentsInLinePassTheCheck() {
        Map<String, String> env = Map.of("PGPILOT_TEST_STAGING_URL", TestDatabase.url(atVersion("20240102000000")),
                "PGPILOT_TEST_PROD_URL", TestDatabase.url(atVersion("20240102000000")));
        EnvironmentMatrix m = new Pilot(new Pilot.Options(dir, null, "all", "cli", "t"), Clock.systemUTC(), env).environmentMatrix();
        Out out = view(m, false, true);
        assertEquals(0, out.exit(), out.text());
        assertTrue(out.text().contains("all environments agree"), out.text());
    }

    @Test
    void commandLineShowsAnUnsetUrlAsUnreachableAndTheCheckExitsTwo() {
        Out out = pgpilot("status", "--env", "all", "--check");
        assertEquals(2, out.exit(), out.text());
        assertTrue(out.text().contains("staging: unreachable (environment staging: $PGPILOT_TEST_STAGING_URL is not set)"), out.text());
        assertTrue(out.text().contains("production: unreachable"), out.text());
        Out plain = pgpilot("status", "--env", "all", "--json");
        assertEquals(0, plain.exit(), plain.text());
        assertTrue(plain.text().contains("\"reachable\":false"), plain.text());
    }

    @Test
    void checkOnOneTargetExitsOneWhileAnythingIsPending() {
        DatabaseTarget db = atVersion("20240102000000");
        Out pending = pgpilot("status", "--check", "--db-url", TestDatabase.url(db));
        assertEquals(1, pending.exit(), pending.text());
        assertTrue(pending.text().contains("2 applied, 1 pending"), pending.text());
        assertEquals(0, pgpilot("status", "--db-url", TestDatabase.url(db)).exit(), "without --check status only reports");
        DatabaseTarget done = atVersion("20240103000000");
        assertEquals(0, pgpilot("status", "--check", "--json", "--db-url", TestDatabase.url(done)).exit());
    }
}
