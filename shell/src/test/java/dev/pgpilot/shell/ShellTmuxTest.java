package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real terminal: tmux runs `pgpilot shell` (from the test classpath, since CI's
 * test phase runs before the jar is packaged), keys go in with send-keys, the screen comes back
 * with capture-pane. Skipped only when tmux is not installed (.ci/run installs it).
 */
class ShellTmuxTest {
    @TempDir Path workdir;
    @TempDir Path home;
    private final String session = "pgpilot-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeEach
    void startShell() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env HOME='" + home + "' TERM=xterm-256color '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.pgpilot.shell.Main shell --workdir '" + workdir + "'";
        tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", command);
        screenShows(s -> s.contains("pgpilot local>"));
    }

    @AfterEach
    void stopShell() throws Exception {
        if (tmuxInstalled()) {
            run(List.of("tmux", "kill-session", "-t", session));
        }
    }

    @Test
    void firstPromptNamesTheLocalTarget() throws Exception {
        // capture-pane drops trailing blanks, so the space after ">" is not on the captured line
        assertTrue(screenShows(s -> s.lines().anyMatch(l -> l.startsWith("pgpilot local>"))), capture());
    }

    @Test
    void tabCompletesACommandName() throws Exception {
        tmux("send-keys", "-t", session, "ini", "Tab");
        assertTrue(screenShows(s -> s.contains("pgpilot local> init")), capture());
    }

    @Test
    void tabCompletesAnOptionOfTheCommand() throws Exception {
        tmux("send-keys", "-t", session, "new --dry", "Tab");
        assertTrue(screenShows(s -> s.contains("new --dry-run")), capture());
    }

    @Test
    void commandRunsAndExitEndsTheSession() throws Exception {
        tmux("send-keys", "-t", session, "init", "Enter");
        assertTrue(screenShows(s -> s.contains("pgpilot.yaml (created)")), capture());
        tmux("send-keys", "-t", session, "exit", "Enter");
        assertTrue(waitFor(() -> !sessionAlive()), "session still running:\n" + capture());
    }

    private boolean screenShows(Predicate<String> condition) throws Exception {
        return waitFor(() -> condition.test(capture()));
    }

    private static boolean waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L; // a cold JVM on a busy 2-core CI box
        while (System.nanoTime() < deadline) {
            if (condition.call()) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private String capture() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-t", session));
    }

    private boolean sessionAlive() throws IOException, InterruptedException {
        return new ProcessBuilder("tmux", "has-session", "-t", session).start().waitFor() == 0;
    }

    private static void tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
