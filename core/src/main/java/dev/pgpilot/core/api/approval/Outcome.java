package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.api.model.ApplyResult;
import java.util.List;

/** How running an approved change ended. Every case has been recorded in the approval row already. */
public sealed interface Outcome {
    Approval approval();

    /**
     * Everything approved ran.
     *
     * @param commit the git commit of the written plan, or a sentence why there is none (null: nothing to commit)
     */
    record Applied(Approval approval, ApplyResult result, String commit) implements Outcome {}

    /** It failed; {@code cleanup} says what was done with a written plan's file. */
    record Failed(Approval approval, String message, String hint, String cleanup) implements Outcome {}

    /** Between the approval and the run something changed: nothing ran, and a fresh request was made. */
    record Changed(Approval approval, List<String> differences, Requested fresh, dev.pgpilot.core.PilotException freshFailure) implements Outcome {}
}
