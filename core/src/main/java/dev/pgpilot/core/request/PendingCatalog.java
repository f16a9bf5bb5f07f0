package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.catalog.MigrationReplay;
import dev.pgpilot.core.catalog.Shadow;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The catalog a new migration is planned against: the target's catalog as it will be once the
 * pending (written, not applied) migrations have run. A new file is applied after them, so it must
 * see what they create (a table to add to, the shared set_updated_at() it must not recreate and
 * then drop). The pending files are replayed on the target and rolled back ({@link MigrationReplay#pending}).
 */
public final class PendingCatalog {
    private PendingCatalog() {}

    /**
     * @param all           every migration file, in version order
     * @param scratchServer where every file is replayed instead when a pending one needs its own commits
     *                      ({@link MigrationReplay#pending})
     */
    public static Catalog load(Connection c, List<MigrationFile> all, java.util.Set<String> pendingVersions,
                               java.util.function.Supplier<DatabaseTarget> scratchServer) {
        if (all.stream().noneMatch(f -> pendingVersions.contains(f.version()))) return Catalog.load(c);
        try {
            return MigrationReplay.pending(c, all, pendingVersions, scratchServer, Catalog::load);
        } catch (SQLException e) {
            throw PilotException.error("cannot read the catalog: " + Quote.oneLine(e.getMessage()), null);
        }
    }

    /**
     * With no target database: the schema the migrations describe, every file replayed into a
     * throwaway database on {@code server} (dropped again).
     */
    public static Catalog fromMigrations(DatabaseTarget server, List<MigrationFile> files) {
        try (Shadow shadow = Shadow.create(server)) {
            MigrationReplay.commit(shadow.target(), files, null);
            try (Connection c = shadow.target().connect()) {
                return Catalog.load(c);
            }
        } catch (SQLException e) {
            throw PilotException.error("cannot read the catalog the migrations describe: " + Quote.oneLine(e.getMessage()), null);
        }
    }
}
