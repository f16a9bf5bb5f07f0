package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.SchemaNames;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Table and column names of the target database for completion. Loaded in a background thread when
 * the shell starts ({@link #preload}), and again after a command may have changed the schema
 * ({@link #invalidate}). Completion waits for a load at most {@link #WAIT_MS}; until it is done (or
 * if it fails, or the local database is not running) the previous names are used, so Tab never
 * hangs on the database.
 */
final class CatalogCache {
    static final long WAIT_MS = 700;

    private final Supplier<SchemaNames> read;
    private volatile CompletableFuture<SchemaNames> loading;
    private volatile SchemaNames last = SchemaNames.NONE;

    /** @param read reads the target's names; null while reading them would start the local database */
    CatalogCache(Supplier<SchemaNames> read) {
        this.read = read;
    }

    /**
     * The names as one read (waiting briefly for a read under way): the tables and the columns a
     * Tab offers come from the same read, never tables from an older one than the columns.
     */
    SchemaNames snapshot() {
        return names();
    }

    /**
     * Columns of the tables in schema public, each name once: what a request names without saying
     * the table. Tables of other schemas (auth.users ...) show theirs only after {@code table.}.
     */
    static List<String> publicColumns(SchemaNames names) {
        TreeSet<String> publicColumns = new TreeSet<>();
        names.columns().forEach((table, cols) -> {
            if (!table.contains(".")) publicColumns.addAll(cols);
        });
        return List.copyOf(publicColumns);
    }

    /** The next completion reads the catalog again. */
    void invalidate() {
        loading = null;
    }

    /** Starts reading the catalog now, so the first Tab does not wait for it. */
    void preload() {
        future();
    }

    private SchemaNames names() {
        CompletableFuture<SchemaNames> f = future();
        try {
            last = f.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception slowOrFailed) {
            // keep the previous names; the load goes on in the background
        }
        return last;
    }

    private synchronized CompletableFuture<SchemaNames> future() {
        CompletableFuture<SchemaNames> f = loading;
        if (f == null) {
            CompletableFuture<SchemaNames> started = new CompletableFuture<>();
            Thread t = new Thread(() -> started.complete(load()), "pgpilot-catalog");
            t.setDaemon(true);
            t.start();
            loading = f = started;
        }
        return f;
    }

    private SchemaNames load() {
        try {
            SchemaNames names = read.get();
            return names == null ? last : names;
        } catch (RuntimeException e) {
            return last; // no completion of names is better than a broken prompt
        }
    }
}
