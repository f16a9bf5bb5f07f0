package dev.pgpilot.core.api;

import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.UpOptions;
import java.util.List;

/**
 * What {@code up} will run, prepared before anyone is asked: the front end shows it, asks (typing the
 * environment's name when it is protected) and then calls {@link #apply}. Lint errors that would
 * stop {@code up} refuse already when the plan is made, so nobody confirms a run that cannot happen.
 *
 * @param preview              the dry run: target, migrations selected, warnings
 * @param protectedEnvironment the environment's name when it is protected (its name must be typed), else null
 */
public record UpPlan(Pilot pilot, UpOptions options, ApplyResult preview, String protectedEnvironment) {
    public boolean isEmpty() {
        return preview.planned().isEmpty();
    }

    public List<ApplyResult.Planned> planned() {
        return preview.planned();
    }

    /**
     * Runs the pending migrations under the plan's options; the engine selects again under its lock,
     * so a run that another process finished meanwhile applies nothing.
     */
    public ApplyResult apply(ApplyListener listener) {
        return pilot.up(new UpOptions(options.toVersion(), false, options.allowOutOfOrder(), options.allowLintErrors()), listener);
    }
}
