package dev.pgpilot.core.api.approval;

import java.util.Set;

/**
 * A stored approval request.
 *
 * @param approval  the stored row
 * @param stored    false when the same request was stored before (a retried delivery): do not announce it twice
 * @param approvers who may approve it (the requester left out on a protected environment)
 * @param target    where it will run
 */
public record Requested(Approval approval, boolean stored, Set<String> approvers, ApprovalTarget target) {}
