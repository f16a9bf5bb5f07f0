package dev.pgpilot.shell;

import dev.pgpilot.core.TestJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * `pgpilot shell` on a real terminal: tmux runs it (from the test classpath, since CI's test phase
 * runs before the jar is packaged), keys go in with send-keys, the screen comes back with
 * capture-pane. One instance is one tmux session.
 */
final class Tmux implements AutoCloseable {
    private final String session = "pgpilot-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    static boolean installed() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts the shell with these environment variables and arguments after {@code shell}. */
    static Tmux shell(Map<String, String> env, String... args) throws Exception {
        Tmux t = new Tmux();
        t.tmux("new-session", "-d", "-s", t.session, "-x", "200", "-y", "50", pgpilot(env, "shell", args));
        return t;
    }

    /**
     * Runs one {@code pgpilot} command on the terminal; when it ends, "exit=N" is printed and the
     * session stays until {@link #close}, so its screen and exit code can be read.
     */
    static Tmux command(Map<String, String> env, String command, String... args) throws Exception {
        Tmux t = new Tmux();
        String cmd = pgpilot(env, command, args) + "; echo \"exit=$?\"; sleep 600";
        t.tmux("new-session", "-d", "-s", t.session, "-x", "200", "-y", "50", cmd);
        return t;
    }

    private static String pgpilot(Map<String, String> env, String command, String... args) {
        StringBuilder cmd = new StringBuilder("env -u NO_COLOR TERM=xterm-256color");
        env.forEach((k, v) -> cmd.append(' ').append(k).append("=").append(quote(v)));
        List<String> mainArgs = new ArrayList<>(List.of(command));
        mainArgs.addAll(List.of(args));
        for (String word : TestJvm.command(Main.class.getName(), mainArgs.toArray(String[]::new))) cmd.append(' ').append(quote(word));
        return cmd.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Sends keys as tmux names them ("Enter", "Tab", "C-c") or literal text. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", session));
        a.addAll(List.of(keys));
        tmux(a.toArray(String[]::new));
    }

    /** Types a line and presses Enter. */
    void line(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", session, "-l", text);
        keys("Enter");
    }

    String screen() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-J", "-S", "-2000", "-t", session));
    }

    /** Only what the pane shows now, without the scrollback (where a cleared screen's lines go). */
    String visible() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-J", "-t", session));
    }

    /** The screen with its colours as escape sequences. */
    String screenWithColors() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-e", "-J", "-S", "-2000", "-t", session));
    }

    boolean shows(Predicate<String> condition) throws Exception {
        return waitFor(() -> condition.test(screen()));
    }

    boolean shows(String text) throws Exception {
        return shows(s -> s.contains(text));
    }

    /** Waits until {@code text} appears {@code times} times on the screen (and its scrollback). */
    boolean showsTimes(String text, int times) throws Exception {
        return shows(s -> s.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times);
    }

    boolean alive() throws IOException, InterruptedException {
        return new ProcessBuilder("tmux", "has-session", "-t", session).start().waitFor() == 0;
    }

    static boolean waitFor(Callable<Boolean> condition) throws Exception {
        return waitFor(condition, 40); // a cold JVM on a busy 2-core CI box
    }

    static boolean waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.call()) return true;
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("tmux", "kill-session", "-t", session));
    }

    private void tmux(String... args) throws IOException, InterruptedException {
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
}
