package dev.pgpilot.core.approval;

import java.time.Instant;

/** One row of {@code pgpilot.approvals}. Decision fields are null while pending. */
public record Approval(long id, ApprovalKind kind, String environment, String requestText, String version,
                       String fileName, String migrationName, String planSql, String downSql, String checksum,
                       String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                       ApprovalStatus status, String reason, String slackChannel, String slackTs,
                       String details) {

    /** True when the stored SQL still hashes to the stored checksum (nobody edited the row). */
    public boolean sqlMatchesChecksum() {
        return checksum == null ? planSql == null : checksum.equals(ApprovalRequest.checksumOf(planSql));
    }
}
