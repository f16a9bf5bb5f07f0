package dev.pgpilot.shell.repl;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The pending count the prompt shows. Counting reads the target's history, so it runs in a
 * background thread: at start without waiting (the first prompt never waits on a database), after
 * each command waiting a moment so the next prompt is fresh, and every {@link #WATCH_PERIOD_MS} while
 * the user sits at the prompt, so an {@code up} run in another terminal shows without pressing a key.
 * A count that fails or takes too long leaves the last known one.
 */
final class PendingCount {
    static final long WAIT_AFTER_COMMAND_MS = 1500;
    static final long WATCH_PERIOD_MS = 3000;

    private final Supplier<OptionalInt> count;
    private volatile OptionalInt value = OptionalInt.empty();
    private volatile OptionalInt shown = OptionalInt.empty();

    PendingCount(Supplier<OptionalInt> count) {
        this.count = count;
    }

    OptionalInt get() {
        return value;
    }

    /** The count for a prompt being drawn now; {@link #watch} redraws when the count moves away from it. */
    OptionalInt show() {
        shown = value;
        return shown;
    }

    void refresh(long waitMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                value = count.get();
            } catch (RuntimeException e) {
                // the count is a nicety; never let it break the prompt
            } finally {
                done.complete(null);
            }
        }, "pgpilot-pending");
        t.setDaemon(true);
        t.start();
        if (waitMillis > 0) {
            try {
                done.get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (Exception slow) {
                // the prompt shows the last count
            }
        }
    }

    /**
     * Counts again every {@link #WATCH_PERIOD_MS} while {@code idle} says the prompt is waiting, and
     * calls {@code changed} when the count differs from the one the prompt shows (the first prompt
     * is drawn before the first count arrives).
     */
    void watch(java.util.function.BooleanSupplier idle, Runnable changed) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(WATCH_PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (!idle.getAsBoolean()) continue;
                try {
                    value = count.get();
                } catch (RuntimeException e) {
                    continue; // the count is a nicety
                }
                if (!value.equals(shown)) changed.run();
            }
        }, "pgpilot-pending-watch");
        t.setDaemon(true);
        t.start();
    }
}
