package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line mistakes give one error line and one hint line, exit 2, never picocli's raw usage dump. */
class UsageErrorsTest {
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void unknownCommandIsNamedWithExitTwo() {
        Run r = run("bogus");
        assertEquals(2, r.exit());
        assertEquals(List.of("error: unknown command 'bogus'", "hint: run 'pgpilot help' to list the commands"), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void misspelledCommandSuggestsTheNearestOne() {
        Run r = run("statsu");
        assertEquals(2, r.exit());
        assertEquals(List.of("error: unknown command 'statsu'", "hint: did you mean 'status'?"), r.errLines());
        assertEquals("hint: did you mean 'history'?", run("histroy", "--json").errLines().get(1));
    }

    @Test
    void unknownOptionNamesTheCommandAndSuggestsTheNearestOption() {
        Run r = run("status", "--jsno");
        assertEquals(2, r.exit());
        assertEquals(List.of("error: unknown option '--jsno' for 'pgpilot status'", "hint: did you mean '--json'?"), r.errLines());
        Run far = run("up", "--frobnicate=3");
        assertEquals(List.of("error: unknown option '--frobnicate' for 'pgpilot up'",
                "hint: run 'pgpilot up --help' to list its options"), far.errLines());
    }

    @Test
    void everyCommandHasTheHelpOptionTheHintsPointTo() {
        Run r = run("up", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: pgpilot up"), r.out());
        assertTrue(r.out().contains("--to=VERSION"), r.out());
    }

    @Test
    void otherMistakesAreOneLineToo() {
        Run missingValue = run("up", "--to");
        assertEquals(2, missingValue.exit());
        assertEquals(2, missingValue.errLines().size(), missingValue.err());
        assertEquals("error: missing required parameter for option '--to' (VERSION)", missingValue.errLines().get(0));
        Run extra = run("status", "extra");
        assertEquals(List.of("error: unexpected argument 'extra' for 'pgpilot status'",
                "hint: run 'pgpilot status --help' to list its options"), extra.errLines());
        assertEquals("error: unknown subcommand 'statsu'", run("help", "statsu").errLines().get(0));
        Run none = run();
        assertEquals(2, none.exit());
        assertEquals("error: missing command", none.errLines().get(0));
        assertFalse(none.err().contains("Usage:"), none.err());
    }

    @Test
    void aFailingCommandAskedForJsonStillPrintsJsonNamingTheError() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pgpilot-json-error");
        java.nio.file.Path migrations = java.nio.file.Files.createDirectories(dir.resolve("supabase/migrations"));
        java.nio.file.Files.writeString(migrations.resolve("20240101000000_a.sql"), "select 1;");
        java.nio.file.Files.writeString(migrations.resolve("20240101000000_b.sql"), "select 2;");
        Run r = run("status", "--json", "--workdir", dir.toString(), "--db-url", "postgresql://nobody@127.0.0.1:1/none");
        assertTrue(r.exit() != 0, r.toString());
        com.fasterxml.jackson.databind.JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("error");
        assertTrue(error.get("message").asText().contains("20240101000000"), r.out());
        assertTrue(r.err().startsWith("error: "), r.err());

        Run text = run("status", "--workdir", dir.toString(), "--db-url", "postgresql://nobody@127.0.0.1:1/none");
        assertEquals("", text.out(), "without --json nothing goes to stdout");
    }

    @Test
    void aBlankOrMalformedDbUrlExitsTwoBeforeTouchingAnyDatabase() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pgpilot-bad-url");
        java.nio.file.Files.createDirectories(dir.resolve("supabase/migrations"));
        Run blank = run("status", "--workdir", dir.toString(), "--db-url", " ");
        assertEquals(2, blank.exit(), blank.toString());
        assertEquals("error: empty database URL", blank.errLines().get(0));
        Run at = run("up", "--yes", "--workdir", dir.toString(), "--db-url", "postgresql://app:p@ss@db.invalid:5432/shop");
        assertEquals(2, at.exit(), at.toString());
        assertEquals("error: malformed database URL: postgresql://app:****@db.invalid:5432/shop", at.errLines().get(0));
        assertFalse(java.nio.file.Files.exists(dir.resolve(".pgpilot/local")), "the embedded database was not started");
    }
}
