package dev.pgpilot.core.api.fleet;

import dev.pgpilot.core.api.model.MigrationFile;

/** Progress of a rollout, called from its worker threads (a front end that draws must synchronise). */
public interface RolloutListener {
    RolloutListener NONE = new RolloutListener() {};

    default void started(FleetTarget target) {}

    default void migrating(FleetTarget target, MigrationFile file) {}

    default void finished(TargetOutcome outcome) {}
}
