package dev.pgpilot.core.api.approval;

/**
 * One migration an approval runs, exactly as the approvers were shown it.
 *
 * @param fileName the migration's file name (its version is what runs)
 * @param sha256   SHA-256 of {@code sql} as {@link dev.pgpilot.core.api.model.MigrationFile} computes it
 * @param sql      the whole up SQL
 * @param downSql  the down script, or null when there is none
 */
public record ApprovedFile(String fileName, String sha256, String sql, String downSql) {
    public String version() {
        return dev.pgpilot.core.api.model.MigrationName.parse(fileName).version();
    }
}
