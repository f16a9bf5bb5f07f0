package dev.pgpilot.core.api.approval;

/**
 * Life of an approval. Only {@code PENDING} can be decided; {@code APPROVED} means "running or
 * queued" until it ends as {@code APPLIED}, {@code FAILED}, {@code STALE} (what was shown changed
 * before it ran: nothing ran) or {@code INTERRUPTED} (the bot stopped while it ran; the outcome
 * says what the history shows).
 */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED, STALE, APPLIED, FAILED, INTERRUPTED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ApprovalStatus fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }}
