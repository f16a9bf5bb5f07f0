package dev.pgpilot.core.api.model;

import java.util.List;

/**
 * Where the files on disk and the target's history stand.
 *
 * @param applied    applied versions that still have their file (modified ones included)
 * @param pending    files not applied yet, in version order
 * @param modified   applied files whose checksum no longer matches what was applied
 * @param missing    applied versions with no file on disk
 * @param outOfOrder pending files older than the newest applied version (a branch merged late)
 */
public record StatusReport(List<Entry> applied, List<Entry> pending, List<Entry> modified, List<Entry> missing,
                           List<Entry> outOfOrder) {

    public record Entry(String version, String name) {
        public static Entry of(MigrationFile f) {
            return new Entry(f.version(), f.name().name());
        }
    }

    public boolean upToDate() {
        return pending.isEmpty() && modified.isEmpty();
    }
}
