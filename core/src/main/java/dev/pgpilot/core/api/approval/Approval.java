package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.api.model.Finding;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code pgpilot.approvals}: exactly what will run if it is approved.
 *
 * @param id          globally unique (a UUID), so a button can never point at another database's approval
 * @param envArg      the environment as the requester named it; null: the default target, re-resolved at every check
 * @param snapshot    environment, target, history head and workspace files at request time
 * @param files       the migrations that will run, with their SHA-256 and full SQL
 * @param findings    lint findings of those files at request time
 * @param requestText the plain-English request (plan) or "apply VERSION"
 * @param outcome     what happened after the approval, in words (null until it ends)
 */
public record Approval(String id, ApprovalKind kind, String envArg, Snapshot snapshot, List<ApprovedFile> files,
                       List<Finding> findings, String requestText, String requestedBy, Instant requestedAt,
                       Instant expiresAt, ApprovalStatus status, String decidedBy, Instant decidedAt, String reason,
                       String outcome, String slackChannel, String slackTs) {
    public Approval {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public String environment() {
        return snapshot.environment();
    }

    /** A short, stable handle people can type ({@code /pgpilot cancel 1a2b3c4d}). */
    public String shortId() {
        return id.substring(0, 8);
    }

    /** The version the run goes up to: the newest of its files. */
    public String lastVersion() {
        return files.get(files.size() - 1).version();
    }
}
