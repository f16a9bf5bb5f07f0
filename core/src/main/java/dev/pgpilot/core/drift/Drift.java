package dev.pgpilot.core.drift;

import dev.pgpilot.core.Pilot;
import dev.pgpilot.core.db.DatabaseTarget;
import dev.pgpilot.core.workspace.MigrationFile;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

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
        DatabaseTarget target = pilot.target().target();
        return check(() -> pilot.workspace().migrations(), versions, pilot.resolver().localDatabase().start(), target);
    }

    /**
     * Drift of the target against what its history says is applied: pending migrations are not
     * drift (status reports them), so only the applied versions are replayed. A database without any
     * history table (managed by other means) is compared with every migration file.
     */
    public static Result checkApplied(Pilot pilot) {
        return check(pilot, appliedVersions(pilot.target().target()));
    }

    static Set<String> appliedVersions(DatabaseTarget target) {
        try (java.sql.Connection c = target.connect()) {
            dev.pgpilot.core.db.History h = new dev.pgpilot.core.db.History(c);
            if (!h.exists()) return null;
            Set<String> versions = new java.util.HashSet<>();
            for (dev.pgpilot.core.db.History.AppliedVersion v : h.applied()) versions.add(v.version());
            return versions;
        } catch (java.sql.SQLException e) {
            throw dev.pgpilot.core.PilotException.error("cannot read the history of " + target.display() + ": "
                    + String.valueOf(e.getMessage()).split("\n")[0], null);
        }
    }

    /** The same on explicit parts: the server that hosts the shadow, and the database to compare. */
    public static Result check(List<MigrationFile> files, Set<String> versions, DatabaseTarget shadowServer, DatabaseTarget target) {
        return check(() -> files, versions, shadowServer, target);
    }

    /**
     * The slow parts overlap: the target's catalog is read and the shadow database created (each mostly
     * waiting on the server) while the files are read and parsed; then the replay.
     */
    private static Result check(Supplier<List<MigrationFile>> files, Set<String> versions, DatabaseTarget shadowServer, DatabaseTarget target) {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "pgpilot-drift");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<CatalogSnapshot> actual = CompletableFuture.supplyAsync(() -> CatalogSnapshot.read(target), pool);
            CompletableFuture<ShadowReplay.Shadow> created = CompletableFuture.supplyAsync(() -> ShadowReplay.createShadow(shadowServer), pool);
            List<MigrationFile> list;
            try {
                list = files.get();
            } catch (RuntimeException e) {
                try {
                    join(created).close(); // no shadow is left behind when the files cannot be read
                } catch (RuntimeException ignored) {
                    // the files' error is the one to report
                }
                throw e;
            }
            CatalogSnapshot expected;
            try (ShadowReplay.Shadow shadow = join(created)) {
                ShadowReplay.replay(shadow.target(), list, versions, true);
                expected = CatalogSnapshot.read(shadow.target());
            }
            CatalogSnapshot database = join(actual);
            return new Result(SchemaDiff.compare(expected, database), expected, database);
        } finally {
            pool.shutdown();
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
