package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the REPL through piped input on a dumb terminal, as a script or CI would. */
class ShellPipedTest {
    @TempDir Path workdir;
    @TempDir Path home;
    private String dbUrl; // null: the session never needs a database

    PipedShell.Session run(String input) throws IOException {
        return PipedShell.run(workdir, dbUrl, home, Map.of(), input);
    }

    @Test
    void endOfInputExitsZeroAfterShowingThePrompt() throws IOException {
        PipedShell.Session s = run("");
        assertEquals(0, s.exit());
        assertTrue(s.output().contains("pgpilot local> "), s.output());
    }

    @Test
    void pipedSessionHasNoEscapeCodes() throws IOException {
        dbUrl = dev.pgpilot.core.TestDatabase.fresh().display();
        PipedShell.Session s = run("init\ninti\ncreate table notes with body text\ny\nup\ny\nstatus\nhistory\nlint\nhelp\nhelp up\n");
        assertTrue(s.output().contains("applied") && s.output().contains("VERSION") && s.output().contains("Examples:"), s.output());
        assertFalse(s.output().contains("\u001b"), s.output());
    }

    @Test
    void commandsRunInProcessWithTheShellsWorkdir() throws IOException {
        PipedShell.Session s = run("init\n");
        assertTrue(Files.isDirectory(workdir.resolve("supabase/migrations")), s.output());
        assertTrue(Files.exists(workdir.resolve("pgpilot.yaml")));
    }

    @Test
    void quotedArgumentsStayOneWord() throws IOException {
        run("init\nnew --empty \"add_notes\"\n");
        try (var files = Files.list(workdir.resolve("supabase/migrations"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith("_add_notes.sql")));
        }
    }

    @Test
    void misspelledCommandGetsTheNearestSuggestionAndRunsNothing() throws IOException {
        PipedShell.Session s = run("inti\n");
        assertTrue(s.output().contains("error: unknown command 'inti'\nhint: did you mean 'init'?"), s.output());
        assertFalse(Files.exists(workdir.resolve("pgpilot.yaml")), "a suggestion runs nothing");
        assertTrue(run("stauts\n").output().contains("error: unknown command 'stauts'\nhint: did you mean 'status'?"));
    }

    @Test
    void freeTextGoesToNew() throws IOException {
        dbUrl = dev.pgpilot.core.TestDatabase.fresh().display();
        PipedShell.Session s = run("add a notes column to events\n");
        // the request reaches `new`, which resolves it against the (empty) catalog and refuses the unknown table
        assertTrue(s.output().contains("unknown table: events"), s.output());
        assertFalse(Files.exists(workdir.resolve("supabase/migrations")) && workdir.resolve("supabase/migrations").toFile().list().length > 0,
                "a refused request writes nothing");
    }

    @Test
    void exitStopsBeforeTheRestOfTheInput() throws IOException {
        PipedShell.Session s = run("exit\ninit\n");
        assertEquals(0, s.exit());
        assertFalse(Files.exists(workdir.resolve("pgpilot.yaml")));
    }

    @Test
    void helpListsCommandsAndHelpCommandShowsOne() throws IOException {
        PipedShell.Session s = run("help\nhelp up\n");
        assertTrue(s.output().contains("shell"), s.output());
        assertTrue(s.output().contains("plain-English request") && s.output().contains("apply "), "the shell's own words: " + s.output());
        assertTrue(s.output().contains("Usage: pgpilot up"), s.output());
        assertTrue(s.output().contains("Examples:\n  pgpilot up\n  pgpilot up --dry-run\n"), s.output());
    }

    @Test
    void backslashContinuesTheLine() throws IOException {
        run("init\nnew --empty \\\n  continued_name\n");
        try (var files = Files.list(workdir.resolve("supabase/migrations"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith("_continued_name.sql")));
        }
    }

    @Test
    void historyIsKeptUnderHome() throws IOException {
        run("help\n");
        assertTrue(Files.readString(home.resolve(".pgpilot/history")).contains("help"));
    }

    @Test
    void outsideAProjectTheShellSaysWhatToDoAndInitEndsIt() throws IOException {
        String first = run("status\n").output();
        assertTrue(first.startsWith("note: " + workdir.toAbsolutePath().normalize() + " is not a pgpilot project (no supabase/ folder, no pgpilot.yaml).\n"
                + "      Type init to start one here, or exit and run pgpilot shell from your project folder (or with --workdir DIR).\n"), first);
        assertTrue(first.contains("error: " + workdir.toAbsolutePath().normalize() + " is not a pgpilot project"), "status refuses: " + first);
        assertFalse(Files.exists(workdir.resolve(".pgpilot")), "nothing was started: " + first);
        run("init\n");
        assertFalse(run("").output().contains("note:"), "a project now");
    }
}
