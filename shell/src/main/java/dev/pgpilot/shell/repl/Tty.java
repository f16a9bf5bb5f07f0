package dev.pgpilot.shell.repl;

/**
 * What command output may use: colours and in-place redraws (progress bar). Inside the REPL the
 * shell decides from its terminal; on the command line, from the console and {@code TERM}.
 * {@code --no-color} and {@code NO_COLOR} always win.
 */
public final class Tty {
    private record Mode(boolean color, boolean live) {}

    private static volatile Mode repl;

    private Tty() {}

    /** Set by the REPL for the commands it runs; null to leave. */
    static void install(boolean color, boolean live) {
        repl = new Mode(color, live);
    }

    static void uninstall() {
        repl = null;
    }

    /** True while the REPL runs its commands (the history records them as source "shell"). */
    public static boolean inRepl() {
        return repl != null;
    }

    public static boolean color(boolean noColorOption) {
        if (noColorOption || System.getenv("NO_COLOR") != null) {
            return false;
        }
        Mode m = repl;
        return m != null ? m.color() : consoleIsTerminal();
    }

    /** True when output goes to a real terminal that can redraw a line in place. */
    public static boolean live() {
        Mode m = repl;
        return m != null ? m.live() : consoleIsTerminal();
    }

    private static boolean consoleIsTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.startsWith("dumb");
    }
}
