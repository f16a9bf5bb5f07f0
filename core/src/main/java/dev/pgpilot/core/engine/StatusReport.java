package dev.pgpilot.core.engine;

import dev.pgpilot.core.workspace.MigrationFile;
import dev.pgpilot.core.workspace.MigrationName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        static Entry of(MigrationFile f) {
            return new Entry(f.version(), f.name().name());
        }
    }

    public boolean upToDate() {
        return pending.isEmpty() && modified.isEmpty();
    }

    /** Compares files (in version order) with the applied history. */
    public static StatusReport of(List<MigrationFile> files, List<History.AppliedVersion> history) {
        Map<String, History.AppliedVersion> byVersion = new HashMap<>();
        String newestApplied = null;
        for (History.AppliedVersion a : history) {
            byVersion.put(a.version(), a);
            if (newestApplied == null || MigrationName.VERSION_ORDER.compare(a.version(), newestApplied) > 0) {
                newestApplied = a.version();
            }
        }
        List<Entry> applied = new ArrayList<>();
        List<Entry> pending = new ArrayList<>();
        List<Entry> modified = new ArrayList<>();
        List<Entry> outOfOrder = new ArrayList<>();
        Map<String, MigrationFile> filesByVersion = new HashMap<>();
        for (MigrationFile f : files) {
            filesByVersion.put(f.version(), f);
            History.AppliedVersion a = byVersion.get(f.version());
            if (a == null) {
                pending.add(Entry.of(f));
                if (newestApplied != null && MigrationName.VERSION_ORDER.compare(f.version(), newestApplied) < 0) {
                    outOfOrder.add(Entry.of(f));
                }
            } else {
                applied.add(Entry.of(f));
                if (isModified(f, a)) modified.add(Entry.of(f));
            }
        }
        List<Entry> missing = new ArrayList<>();
        for (History.AppliedVersion a : history) {
            if (!filesByVersion.containsKey(a.version())) {
                missing.add(new Entry(a.version(), a.name() == null ? "" : a.name()));
            }
        }
        return new StatusReport(List.copyOf(applied), List.copyOf(pending), List.copyOf(modified), List.copyOf(missing),
                List.copyOf(outOfOrder));
    }

    /**
     * The history table is the shared truth: a row with statements (written by the Supabase CLI's
     * push, repair or squash, or by pgpilot) decides; pgpilot's log checksum only settles rows in the
     * form older pgpilot versions wrote, and rows without statements. With neither, the file is taken as unchanged.
     */
    static boolean isModified(MigrationFile f, History.AppliedVersion a) {
        if (a.statementsDigest() != null) {
            return !StoredStatements.recordsFile(a.statementsDigest(), a.checksum(), f);
        }
        return a.checksum() != null && !a.checksum().equals(f.checksum());
    }
}
