package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the REPL through piped input on a dumb terminal, as a script or CI would. */
class ShellPipedTest {
    @TempDir Path workdir;
    @TempDir Path home;

    record Session(int exit, String output) {}

    Session run(String input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a DumbTerminal over the streams, as JLine gives a pipe (the builder would wrap streams in a pty)
        try (Terminal t = new DumbTerminal("pipe", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), bytes, StandardCharsets.UTF_8)) {
            ShellCommand shell = new ShellCommand();
            shell.global = new GlobalOptions();
            shell.global.workdir = workdir;
            int exit = shell.runOn(t, Map.of("HOME", home.toString()));
            t.flush();
            return new Session(exit, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void endOfInputExitsZeroAfterShowingThePrompt() throws IOException {
        Session s = run("");
        assertEquals(0, s.exit());
        assertTrue(s.output().contains("pgpilot local> "), s.output());
    }

    @Test
    void pipedSessionHasNoEscapeCodes() throws IOException {
        Session s = run("init\ninti\nadd a notes column to events\nhelp\n");
        assertFalse(s.output().contains("\u001b"), s.output());
    }

    @Test
    void commandsRunInProcessWithTheShellsWorkdir() throws IOException {
        Session s = run("init\n");
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
    void misspelledCommandGetsTheNearestSuggestion() throws IOException {
        Session s = run("inti\n");
        assertTrue(s.output().contains("unknown command 'inti'. Did you mean 'init'?"), s.output());
        assertFalse(Files.exists(workdir.resolve("pgpilot.yaml")), "a suggestion runs nothing");
    }

    @Test
    void freeTextGoesToNew() throws IOException {
        Session s = run("add a notes column to events\n");
        // the request reaches `new`, which resolves it against the (empty) catalog and refuses the unknown table
        assertTrue(s.output().contains("unknown table: events"), s.output());
        assertFalse(Files.exists(workdir.resolve("supabase/migrations")) && workdir.resolve("supabase/migrations").toFile().list().length > 0,
                "a refused request writes nothing");
    }

    @Test
    void exitStopsBeforeTheRestOfTheInput() throws IOException {
        Session s = run("exit\ninit\n");
        assertEquals(0, s.exit());
        assertFalse(Files.exists(workdir.resolve("pgpilot.yaml")));
    }

    @Test
    void helpListsCommandsAndHelpCommandShowsOne() throws IOException {
        Session s = run("help\nhelp init\n");
        assertTrue(s.output().contains("shell"), s.output());
        assertTrue(s.output().contains("Usage: pgpilot init"), s.output());
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
}
