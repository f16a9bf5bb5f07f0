package dev.pgpilot.core.api.model;

import java.util.List;

/**
 * What {@code up} did (or, for a dry run, would do).
 *
 * @param target   where it ran, for display (never with a password)
 * @param planned  the migrations selected to run, in order
 * @param applied  those that were applied (empty on a dry run)
 * @param warnings things the user should know (pooler URL, missing files)
 * @param dryRun   true when nothing was executed
 */
public record ApplyResult(String target, List<Planned> planned, List<Applied> applied, List<String> warnings, boolean dryRun) {
    public record Planned(String version, String name, String file, boolean outsideTransaction) {}

    /** One applied migration: its file as shown to the user, how long it took, how many statements ran. */
    public record Applied(String version, String name, String file, long millis, int statements) {}
}
