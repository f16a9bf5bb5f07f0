package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command asked for {@code --json} prints exactly one JSON document on stdout, on success and
 * on error (then {@code {"error": {"message", ...}}} with a non-zero exit), or refuses --json with
 * exit 2 and that error object. A command added to Main without a case here fails the test.
 */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Path dir;
    private String url;

    @BeforeEach
    void project() throws IOException {
        dir = Files.createTempDirectory("pgpilot-json");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20250101000000_notes.sql"), "create table public.notes (id bigint primary key, body text);\n");
        Files.writeString(Files.createDirectories(m.resolve("down")).resolve("20250101000000_notes.down.sql"), "drop table public.notes;\n");
        url = TestDatabase.url(TestDatabase.fresh());
    }

    /** One command line and whether it must succeed; runs in order, so later cases see what earlier ones did. */
    private record Case(boolean succeeds, String... args) {}

    private List<Case> cases() {
        return List.of(
                new Case(true, "init"),
                new Case(true, "status"),
                new Case(false, "status", "--frobnicate"),
                new Case(true, "new", "--dry-run", "add a title column to notes"),
                new Case(false, "new", "add a wibble to nowhere_table"),
                new Case(true, "new", "--empty", "blank_one"),
                new Case(true, "lint"),
                new Case(true, "lint", "--list-rules"),
                new Case(true, "up", "--dry-run"),
                new Case(false, "up"),
                new Case(true, "up", "--yes", "--to", "20250101000000"),
                new Case(true, "history"),
                new Case(true, "down", "--dry-run"),
                new Case(false, "down", "--steps", "0"),
                new Case(true, "down", "--yes"),
                new Case(true, "repair", "20250101000000", "--status", "reverted", "--yes"),
                new Case(false, "repair", "20250101000000"),
                new Case(true, "diff"),
                new Case(true, "diff", "--write", "catch_up"),
                new Case(false, "reset", "--yes"),
                new Case(false, "test-rls"),
                new Case(false, "test"),
                new Case(true, "db", "status"),
                new Case(false, "db", "reset"),
                new Case(false, "db", "explode"),
                new Case(false, "gen", "types", "typescript"),
                new Case(false, "shell"),
                new Case(false, "slack"),
                new Case(false, "help", "status"),
                new Case(false, "status", "--help"),
                new Case(true, "sql", "select 1 as one, 'two' as two"),
                new Case(false, "sql", "insert into public.notes values (1)"));
    }

    @Test
    void everyCommandPrintsOneJsonDocumentOnSuccessAndOnError() throws Exception {
        Set<String> covered = new LinkedHashSet<>();
        for (Case c : cases()) {
            covered.add(c.args()[0]);
            List<String> args = new ArrayList<>(List.of(c.args()));
            args.addAll(List.of("--json", "--db-url", url));
            Cli.Run r = Cli.run(dir, args.toArray(String[]::new));
            String what = String.join(" ", c.args()) + " -> exit " + r.exit() + "\nstdout: " + r.out() + "\nstderr: " + r.err();
            JsonNode doc = JSON.readTree(r.out());
            assertTrue(doc != null && (doc.isObject() || doc.isArray()), what);
            if (c.succeeds()) {
                assertEquals(0, r.exit(), what);
                assertFalse(doc.has("error"), what);
            } else {
                assertTrue(r.exit() == 1 || r.exit() == 2, what);
                assertFalse(doc.path("error").path("message").asText().isBlank(), what);
                assertTrue(r.err().startsWith("error: ") || r.err().contains("\nerror: "), what);
            }
        }
        assertEquals(Main.COMMANDS.keySet(), covered, "every command has a --json case");
    }

    @Test
    void textOnlyCommandsRefuseJsonBeforeTheyRun() throws Exception {
        for (String command : List.of("shell", "slack", "gen", "test")) {
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("gen")) args.addAll(List.of("types", "typescript"));
            args.add("--json");
            Cli.Run r = Cli.run(dir, args.toArray(String[]::new));
            assertEquals(2, r.exit(), r.all());
            assertEquals("'pgpilot " + command + "' has no JSON output; --json is not supported here",
                    JSON.readTree(r.out()).get("error").get("message").asText());
        }
    }

    @Test
    void anUnknownOptionWithJsonNamesTheOptionInJson() throws Exception {
        Cli.Run r = Cli.run(dir, "history", "--jsno-typo", "--json");
        assertEquals(2, r.exit());
        assertEquals("unknown option '--jsno-typo' for 'pgpilot history'", JSON.readTree(r.out()).get("error").get("message").asText());
    }
}
