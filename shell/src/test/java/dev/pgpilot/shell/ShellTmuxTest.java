package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real terminal without a database (the local one is never started here): prompt,
 * completion of commands and options, history search, exit. Skipped only when tmux is not
 * installed (.ci/run installs it). Database round trips: {@link ShellTmuxDatabaseTest}.
 */
class ShellTmuxTest {
    @TempDir Path workdir;
    @TempDir Path home;
    private Tmux shell;

    @BeforeEach
    void startShell() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        shell = Tmux.shell(Map.of("HOME", home.toString()), "--workdir", workdir.toString());
        shell.shows("pgpilot local>");
    }

    @AfterEach
    void stopShell() throws Exception {
        if (shell != null) shell.close();
    }

    @Test
    void firstPromptNamesTheLocalTarget() throws Exception {
        // capture-pane drops trailing blanks, so the space after ">" is not on the captured line
        assertTrue(shell.shows(s -> s.lines().anyMatch(l -> l.startsWith("pgpilot local>"))), shell.screen());
    }

    @Test
    void tabCompletesACommandName() throws Exception {
        shell.keys("ini", "Tab");
        assertTrue(shell.shows("pgpilot local> init"), shell.screen());
    }

    @Test
    void tabCompletesAnOptionOfTheCommand() throws Exception {
        shell.keys("new --dry", "Tab");
        assertTrue(shell.shows("new --dry-run"), shell.screen());
    }

    @Test
    void commandRunsAndExitEndsTheSession() throws Exception {
        shell.line("init");
        assertTrue(shell.shows("pgpilot.yaml (created)"), shell.screen());
        shell.line("exit");
        assertTrue(Tmux.waitFor(() -> !shell.alive()), "session still running:\n" + shell.screen());
    }

    @Test
    void ctrlRFindsAnEarlierLineAndHistoryIsKeptInHome() throws Exception {
        shell.line("help up");
        // keys sent before the next prompt reach a terminal in cooked mode, where ^R means "reprint"
        assertTrue(shell.showsTimes("pgpilot local>", 2), shell.screen());
        shell.keys("C-r");
        shell.keys("-l", "elp u");
        assertTrue(shell.shows(s -> s.contains("bck-i-search: elp u")), shell.screen());
        shell.keys("Enter");
        assertTrue(shell.showsTimes("Usage: pgpilot up", 2), "the found line ran again: " + shell.screen());
        assertTrue(shell.showsTimes("pgpilot local>", 3), shell.screen());
        shell.keys("C-d");
        assertTrue(Tmux.waitFor(() -> !shell.alive()), "Ctrl-D at an empty prompt exits:\n" + shell.screen());
        assertTrue(Files.readString(home.resolve(".pgpilot/history")).contains("help up"));
    }

    @Test
    void ctrlCClearsTheLineBeingTyped() throws Exception {
        shell.keys("-l", "half typed words");
        assertTrue(shell.shows("pgpilot local> half typed words"), shell.screen());
        shell.keys("C-c");
        assertTrue(shell.showsTimes("pgpilot local>", 2), "a fresh prompt: " + shell.screen());
        shell.line("init");
        assertTrue(shell.shows("pgpilot.yaml (created)"), shell.screen());
        assertTrue(!shell.screen().contains("half typed wordsinit"), shell.screen());
    }

    @Test
    void helpApplyExplainsTheShellsOwnCommand() throws Exception {
        shell.line("help apply");
        assertTrue(shell.shows("apply            run the migration the last request in this session wrote"), shell.screen());
        assertTrue(shell.screen().contains("checks lint first"), shell.screen());
        assertTrue(!shell.screen().contains("error:"), shell.screen());
    }

    @Test
    void aFolderThatIsNotAProjectIsNamedBeforeTheFirstPrompt() throws Exception {
        assertTrue(shell.shows("note: " + workdir.toRealPath() + " is not a pgpilot project")
                || shell.shows("note: " + workdir + " is not a pgpilot project"), shell.screen());
        assertTrue(shell.screen().contains("Type init to start one here"), shell.screen());
    }

    @Test
    void oneWordThatIsNoCommandIsAnErrorNotARequest() throws Exception {
        shell.line("ls");
        assertTrue(shell.shows("error: unknown command 'ls'"), shell.screen());
        shell.line("clear");
        assertTrue(Tmux.waitFor(() -> shell.visible().strip().equals("pgpilot local>")), "clear empties the screen: " + shell.visible());
    }
}
