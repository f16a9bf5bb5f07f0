package dev.pgpilot.core.api.fleet;

import dev.pgpilot.core.PilotException;
import java.util.List;

/** Every target's outcome, in the order the targets were selected. */
public record RolloutResult(List<TargetOutcome> outcomes, boolean dryRun) {
    public RolloutResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean allOk() {
        return outcomes.stream().allMatch(o -> o.state().ok());
    }

    /** 0 when every target is up to date or was brought there, 1 when any failed, was refused, could not run or was skipped. */
    public int exitCode() {
        return allOk() ? 0 : PilotException.REFUSED;
    }

    public long count(TargetOutcome.State state) {
        return outcomes.stream().filter(o -> o.state() == state).count();
    }
}
