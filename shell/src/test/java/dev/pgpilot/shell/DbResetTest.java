package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db reset} deletes every database of the local server, so like {@code reset} it asks on a
 * terminal and, without one, refuses unless --yes is given. Only the refusals are exercised: the
 * local cluster is never created here.
 */
class DbResetTest {
    @TempDir Path workdir;

    @Test
    void withoutATerminalAndWithoutYesItRefusesAndTouchesNothing() throws Exception {
        Files.createDirectories(workdir.resolve("supabase/migrations"));
        Cli.Run r = Cli.run(workdir, "db", "reset");
        assertEquals(1, r.exit(), r.all());
        assertEquals("error: db reset not run: no terminal to confirm on\nhint: pass --yes to confirm\n", r.err());
        assertFalse(Files.exists(workdir.resolve(".pgpilot")), "no local database was created or deleted");
    }

    @Test
    void onATerminalItAsksAndNoChangesNothing() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        Files.createDirectories(workdir.resolve("supabase/migrations"));
        try (Tmux t = Tmux.command(Map.of("HOME", workdir.toString()), "db", "reset", "--workdir", workdir.toString())) {
            assertTrue(t.shows("(every database on it) and create it again? [y/N]"), t.screen());
            t.line("n");
            assertTrue(t.shows("exit=1"), t.screen());
            assertTrue(t.screen().contains("nothing changed"), t.screen());
        }
        assertFalse(Files.exists(workdir.resolve(".pgpilot")), "no local database was created or deleted");
    }
}
