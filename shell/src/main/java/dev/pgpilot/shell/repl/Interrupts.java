package dev.pgpilot.shell.repl;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C while a command runs: the command registers how to cancel its work (up registers the
 * engine's cancel hook), the shell's SIGINT handler calls it. With nothing registered Ctrl-C
 * does nothing while a command runs, so it never kills the shell.
 */
public final class Interrupts {
    private static final AtomicReference<Runnable> CANCEL = new AtomicReference<>();

    private Interrupts() {}

    /** Registers (or, with null, withdraws) the cancel action of the running command. */
    public static void onCancel(Runnable cancel) {
        CANCEL.set(cancel);
    }

    /** Runs the registered cancel action once; false when nothing was running. */
    public static boolean cancel() {
        Runnable r = CANCEL.getAndSet(null);
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }
}
