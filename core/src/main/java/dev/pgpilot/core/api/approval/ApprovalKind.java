package dev.pgpilot.core.api.approval;

/**
 * What an approval would run: a planned migration that is written only once approved, or
 * migrations already in the workspace (one version, or everything pending).
 */
public enum ApprovalKind {
    PLAN, APPLY;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
