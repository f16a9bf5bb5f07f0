package dev.pgpilot.shell.repl;

import java.io.PrintWriter;

/**
 * A one-line progress bar ("[#####-----] 3/10 applying 20261122_add_notes.sql": 3 of 10 finished). On a real terminal it
 * redraws in place with a carriage return (and {@link #clear} erases it); without one it prints one plain line per step, so logs
 * and pipes stay readable.
 */
public final class ProgressBar {
    /** What a long-running command reports to; {@code up} calls it once per migration. */
    public interface Listener {
        void update(int done, int total, String label);
    }

    private static final int WIDTH = 20;
    private final PrintWriter out;
    private final boolean inPlace;

    public ProgressBar(PrintWriter out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /** @param done how many steps have finished (not the one running: the bar is full only when all are done) */
    public void update(int done, int total, String label) {
        int filled = total <= 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
        String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label;
        if (inPlace) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Erases the bar (on a terminal) so a line can be printed where it was; the next update draws it again. */
    public void clear() {
        if (inPlace) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    public Listener asListener() {
        return this::update;
    }
}
