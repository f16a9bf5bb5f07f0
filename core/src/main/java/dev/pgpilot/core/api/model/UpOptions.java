package dev.pgpilot.core.api.model;

/**
 * How {@code up} runs.
 *
 * @param toVersion        apply pending migrations up to and including this version (null: all)
 * @param dryRun           report what would run, change nothing
 * @param allowOutOfOrder  apply pending versions older than the newest applied one
 * @param allowLintErrors  the user overrode lint errors; recorded in the history
 */
public record UpOptions(String toVersion, boolean dryRun, boolean allowOutOfOrder, boolean allowLintErrors) {
    public static UpOptions all() {
        return new UpOptions(null, false, false, false);
    }
}
