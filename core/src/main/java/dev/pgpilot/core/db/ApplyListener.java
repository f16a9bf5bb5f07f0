package dev.pgpilot.core.db;

import dev.pgpilot.core.workspace.MigrationFile;

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
}
