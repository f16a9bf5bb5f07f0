package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.LintReport;
import java.util.List;

/** How a click on Approve or Reject (or a cancel) ended; the adapter renders each case. */
public sealed interface Decision {
    /** The approval could not be found where the button says it lives. */
    record NotFound(String message, String hint) implements Decision {}

    /** This user may not do this (not an approver, own request on a protected environment, ...). */
    record Refused(Approval approval, String message, String hint) implements Decision {}

    /** Someone decided first, or it ended already: nothing runs twice. */
    record AlreadyDecided(Approval approval) implements Decision {}

    /** Its time ran out before anyone approved it; it is now expired. */
    record Expired(Approval approval) implements Decision {}

    /** The plan has lint errors today: not approved, still pending, nothing written. */
    record LintBlocked(Approval approval, LintReport lint) implements Decision {}

    /**
     * What the approvers saw is not what would run any more. The old approval is now stale and
     * nothing ran; {@code fresh} is a new request for the same change (null when it could not be
     * made, then {@code freshFailure} says why).
     */
    record Changed(Approval stale, List<String> differences, Requested fresh, PilotException freshFailure) implements Decision {}

    record Rejected(Approval approval) implements Decision {}

    record Cancelled(Approval approval) implements Decision {}

    /** Approved by this user: the caller queues {@link ApprovalWorkflow#run} for it. */
    record Approved(Approval approval) implements Decision {}
}
