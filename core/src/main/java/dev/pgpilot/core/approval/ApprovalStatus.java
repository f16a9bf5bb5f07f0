package dev.pgpilot.core.approval;

/** Life of an approval: only {@code PENDING} can be decided, only {@code APPROVED} can be finished. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, APPLIED, FAILED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ApprovalStatus fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
