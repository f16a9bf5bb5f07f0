package dev.pgpilot.core.engine;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pending migration whose content is byte for byte (after line-ending normalization) that of an
 * applied version whose file is gone: the file was renamed to a new version, and running it would
 * apply the same change twice. Refused, naming both versions.
 */
final class RenamedMigrations {
    private RenamedMigrations() {}

    /**
     * @param pending the files about to run
     * @param applied the history (checksums may be null for versions another tool applied)
     * @param onDisk  versions that have a file in the workspace
     */
    static void refuse(List<MigrationFile> pending, List<History.AppliedVersion> applied, Set<String> onDisk) {
        Map<String, History.AppliedVersion> missingByChecksum = new HashMap<>();
        for (History.AppliedVersion a : applied) {
            if (a.checksum() != null && !onDisk.contains(a.version())) missingByChecksum.putIfAbsent(a.checksum(), a);
        }
        if (missingByChecksum.isEmpty()) return;
        List<String> renamed = pending.stream().filter(f -> missingByChecksum.containsKey(f.checksum()))
                .map(f -> {
                    History.AppliedVersion a = missingByChecksum.get(f.checksum());
                    return f.path().getFileName() + " has the content of " + a.version() + "_" + a.name() + ", already applied";
                })
                .collect(Collectors.toList());
        if (renamed.isEmpty()) return;
        throw PilotException.refused("a renamed migration would run a second time: " + String.join("; ", renamed),
                "give the file back its applied version, or if it really must run again, change it; `pgpilot repair VERSION --status reverted` "
                        + "forgets an applied version that was undone by hand");
    }
}
