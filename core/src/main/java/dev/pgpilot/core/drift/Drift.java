package dev.pgpilot.core.drift;

import dev.pgpilot.core.Pilot;
import dev.pgpilot.core.db.DatabaseTarget;
import dev.pgpilot.core.workspace.MigrationFile;
import java.util.List;
import java.util.Set;

/**
 * {@code pgpilot diff}: replays the migrations into a throwaway shadow database on the embedded
 * server, snapshots both catalogs and compares them. The shadow is dropped whatever happens.
 */
public final class Drift {
    /** The comparison and both snapshots (the writer needs the database side's definitions). */
    public record Result(SchemaDiff diff, CatalogSnapshot migrations, CatalogSnapshot database) {}

    private Drift() {}

    /**
     * @param versions the versions to replay; null replays every migration file (until the history
     *                 lets us restrict it to what the target has applied)
     */
    public static Result check(Pilot pilot, Set<String> versions) {
        List<MigrationFile> files = pilot.workspace().migrations();
        DatabaseTarget target = pilot.target().target();
        return check(files, versions, pilot.resolver().localDatabase().start(), target);
    }

    /** The same on explicit parts: the server that hosts the shadow, and the database to compare. */
    public static Result check(List<MigrationFile> files, Set<String> versions, DatabaseTarget shadowServer, DatabaseTarget target) {
        CatalogSnapshot expected;
        try (ShadowReplay.Shadow shadow = ShadowReplay.createShadow(shadowServer)) {
            ShadowReplay.replay(shadow.target(), files, versions);
            expected = CatalogSnapshot.read(shadow.target());
        }
        CatalogSnapshot actual = CatalogSnapshot.read(target);
        return new Result(SchemaDiff.compare(expected, actual), expected, actual);
    }
}
