package dev.pgpilot.core.engine;

import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import dev.pgpilot.core.api.model.StatusReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where the files on disk and a target's history stand: the comparison behind {@code status} and {@code up}'s selection. */
public final class StatusCheck {
    private StatusCheck() {}

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
        List<StatusReport.Entry> applied = new ArrayList<>();
        List<StatusReport.Entry> pending = new ArrayList<>();
        List<StatusReport.Entry> modified = new ArrayList<>();
        List<StatusReport.Entry> outOfOrder = new ArrayList<>();
        Map<String, MigrationFile> filesByVersion = new HashMap<>();
        for (MigrationFile f : files) {
            filesByVersion.put(f.version(), f);
            History.AppliedVersion a = byVersion.get(f.version());
            if (a == null) {
                pending.add(StatusReport.Entry.of(f));
                if (newestApplied != null && MigrationName.VERSION_ORDER.compare(f.version(), newestApplied) < 0) {
                    outOfOrder.add(StatusReport.Entry.of(f));
                }
            } else {
                applied.add(StatusReport.Entry.of(f));
                if (isModified(f, a)) modified.add(StatusReport.Entry.of(f));
            }
        }
        List<StatusReport.Entry> missing = new ArrayList<>();
        for (History.AppliedVersion a : history) {
            if (!filesByVersion.containsKey(a.version())) {
                missing.add(new StatusReport.Entry(a.version(), a.name() == null ? "" : a.name()));
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
    public static boolean isModified(MigrationFile f, History.AppliedVersion a) {
        if (a.statementsDigest() != null) {
            return !StoredStatements.recordsFile(a.statementsDigest(), a.checksum(), f);
        }
        return a.checksum() != null && !a.checksum().equals(f.checksum());
    }
}
