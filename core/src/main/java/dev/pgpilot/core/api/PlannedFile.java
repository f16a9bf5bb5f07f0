package dev.pgpilot.core.api;

/** One migration of a plan and its file name. */
public record PlannedFile(dev.pgpilot.core.api.model.MigrationSql migration, String fileName) {
    public String downFileName() {
        return fileName.replaceFirst("\\.sql$", ".down.sql");
    }
}
