package dev.pgpilot.core.api.model;


/** Progress of a run, for front ends that show it as it happens. Every method is optional. */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() {};

    default void warning(String message) {}

    /** The migration lock is held by another run; this one waits. */
    default void waitingForLock() {}

    default void starting(MigrationFile file) {}

    default void applied(MigrationFile file, long millis) {}

    /** A lock timeout: the migration was rolled back and will be tried again after {@code delayMillis}. */
    default void retrying(MigrationFile file, int attempt, long delayMillis, String message) {}

    /**
     * Called when a run starts with a way to cancel it from another thread (Ctrl-C in the shell),
     * and with null when it ends. Cancelling interrupts the running statement (the server's query
     * cancel, like pg_cancel_backend): the current migration rolls back, is recorded as failed,
     * and nothing after it runs.
     */
    default void cancellable(Runnable cancel) {}
}
