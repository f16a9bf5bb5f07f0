package dev.pgpilot.core.api.fleet;

import dev.pgpilot.core.api.model.ApplyResult;
import java.util.List;

/**
 * Where one target of a rollout ended.
 *
 * @param display       where it points, never with a password (null when the URL could not even be resolved)
 * @param planned       what was pending there when its run started
 * @param applied       what this run applied there (stays applied even when a later migration failed)
 * @param failedVersion the migration that failed, or null
 * @param message       why it failed, was refused or was skipped; null when it went well
 * @param hint          what to do about it, or null
 */
public record TargetOutcome(FleetTarget target, String display, State state, List<ApplyResult.Planned> planned,
                            List<ApplyResult.Applied> applied, String failedVersion, String message, String hint, long millis) {

    public enum State {
        /** pending migrations were applied (or, on a dry run, would be) */
        APPLIED("applied", true),
        UP_TO_DATE("up to date", true),
        /** a migration failed and rolled back; those before it stay applied */
        FAILED("failed", false),
        /** lint errors, an edited applied file, out-of-order versions: nothing ran there */
        REFUSED("refused", false),
        /** could not run there: unreachable, no answer, no URL; nothing ran */
        ERROR("error", false),
        /** not started: the rollout stopped at an earlier failure (or the canary failed) */
        SKIPPED("skipped", false);

        private final String label;
        private final boolean ok;

        State(String label, boolean ok) {
            this.label = label;
            this.ok = ok;
        }

        public String label() {
            return label;
        }

        public boolean ok() {
            return ok;
        }
    }

    public TargetOutcome {
        planned = List.copyOf(planned);
        applied = List.copyOf(applied);
    }

    static TargetOutcome skipped(FleetTarget t, String why) {
        return new TargetOutcome(t, null, State.SKIPPED, List.of(), List.of(), null, why, null, 0);
    }
}
