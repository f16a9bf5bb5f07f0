package dev.pgpilot.core.drift;

import dev.pgpilot.core.catalog.CatalogSnapshot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.catalog.MigrationReplay;
import dev.pgpilot.core.catalog.Shadow;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.MigrationFile;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code pgpilot diff}: replays the migrations into a throwaway shadow database, snapshots both
 * catalogs and compares them. The shadow lives on the target's own server when it can
 * ({@link ShadowHost}), else on the embedded server; it is dropped whatever happens.
 */
public final class Drift {
    /**
     * The comparison and both snapshots (the writer needs the database side's definitions).
     *
     * @param shadow where the shadow database lived, and why when not on the target's server
     */
    public record Result(SchemaDiff diff, CatalogSnapshot migrations, CatalogSnapshot database, ShadowLocation shadow) {
        /** The report with a last line saying where the migrations were replayed. */
        public String toText() {
            return diff.toText() + "shadow: " + shadow.toText() + "\n";
        }

        /** {@link SchemaDiff#toJson()} plus {@code "shadow"}: where the migrations were replayed. */
        public String toJson() {
            java.util.Map<String, Object> root = diff.jsonFields();
            root.put("shadow", shadow.json());
            return SchemaDiff.json(root);
        }
    }

    private Drift() {}

    /**
     * Drift of the target against what its history says is applied: pending migrations are not
     * drift (status reports them), so only the applied versions are replayed. A database without any
     * history table (managed by other means) is compared with every migration file. The shadow lives
     * on the target's server when it can, else on {@code embedded} (started only then).
     */
    public static Result checkApplied(Supplier<List<MigrationFile>> files, Supplier<DatabaseTarget> embedded, DatabaseTarget target) {
        return check(files, appliedVersions(target), embedded, target, true);
    }

    static Set<String> appliedVersions(DatabaseTarget target) {
        try (java.sql.Connection c = target.connect()) {
            dev.pgpilot.core.engine.History h = new dev.pgpilot.core.engine.History(c);
            if (!h.exists()) return null;
            Set<String> versions = new java.util.HashSet<>();
            for (dev.pgpilot.core.engine.History.AppliedVersion v : h.applied()) versions.add(v.version());
            return versions;
        } catch (java.sql.SQLException e) {
            throw dev.pgpilot.core.PilotException.error("cannot read the history of " + target.display() + ": "
                    + String.valueOf(e.getMessage()).split("\n")[0], null);
        }
    }

    /**
     * Drift of {@code target} against the migrations replayed on a shadow of {@code shadowServer}.
     *
     * @param versions the versions to replay; null replays every migration file
     */
    public static Result check(List<MigrationFile> files, Set<String> versions, DatabaseTarget shadowServer, DatabaseTarget target) {
        return check(() -> files, versions, () -> shadowServer, target, false);
    }

    /** The shadow on the target's server when it can live there, else on {@code embedded}. */
    public static Result checkPreferringTargetServer(List<MigrationFile> files, Set<String> versions, Supplier<DatabaseTarget> embedded,
                                                     DatabaseTarget target) {
        return check(() -> files, versions, embedded, target, true);
    }

    /**
     * The target's catalog is read (mostly waiting on the server) while the files are read and
     * parsed and the shadow built.
     */
    private static Result check(Supplier<List<MigrationFile>> files, Set<String> versions, Supplier<DatabaseTarget> embedded,
                                DatabaseTarget target, boolean preferTargetServer) {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pgpilot-drift");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<CatalogSnapshot> actual = CompletableFuture.supplyAsync(() -> CatalogSnapshot.read(target), pool);
            List<MigrationFile> list = files.get();
            String fallback = "the shadow server was given";
            if (preferTargetServer) {
                ShadowHost.Choice choice = ShadowHost.onTargetServer(target, list, versions);
                if (choice.shadow() != null) {
                    CatalogSnapshot expected = null;
                    try (Shadow shadow = choice.shadow()) {
                        expected = replayAndRead(shadow, list, versions);
                    } catch (PilotException e) {
                        // e.g. an extension that only one database of the server may hold (pg_cron): the embedded server has no such limit
                        fallback = "the replay failed on the target's server: " + e.getMessage();
                    }
                    if (expected != null) {
                        CatalogSnapshot database = join(actual);
                        return new Result(SchemaDiff.compare(expected, database), expected, database,
                                ShadowLocation.onTargetServer(expected.majorVersion()));
                    }
                } else {
                    fallback = choice.reasonForEmbedded();
                }
            }
            try (Shadow shadow = ShadowHost.onEmbedded(embedded)) {
                CatalogSnapshot expected = replayAndRead(shadow, list, versions);
                CatalogSnapshot database = join(actual);
                if (expected.majorVersion() != database.majorVersion()) {
                    database = DefinitionsAcrossVersions.viewsAsDeparsedBy(shadow.target(), database);
                }
                return new Result(SchemaDiff.compare(expected, database), expected, database,
                        ShadowLocation.onEmbedded(expected.majorVersion(), database.majorVersion(), fallback));
            }
        } finally {
            pool.shutdown();
        }
    }

    private static CatalogSnapshot replayAndRead(Shadow shadow, List<MigrationFile> files, Set<String> versions) {
        MigrationReplay.commit(shadow.target(), files, versions, true);
        return CatalogSnapshot.read(shadow.target());
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
