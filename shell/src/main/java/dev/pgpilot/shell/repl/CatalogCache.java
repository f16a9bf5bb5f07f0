package dev.pgpilot.shell.repl;

import dev.pgpilot.core.db.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

    record Names(List<String> tables, List<String> columns) {
        static final Names NONE = new Names(List.of(), List.of());
    }

    private final Supplier<DatabaseTarget> target;
    private volatile CompletableFuture<Names> loading;
    private volatile Names last = Names.NONE;

    CatalogCache(Supplier<DatabaseTarget> target) {
        this.target = target;
    }

    List<String> tables() {
        return names().tables();
    }

    List<String> columns() {
        return names().columns();
    }

    /** The next completion reads the catalog again. */
    void invalidate() {
        loading = null;
    }

    /** Starts reading the catalog now, so the first Tab does not wait for it. */
    void preload() {
        future();
    }

    private Names names() {
        CompletableFuture<Names> f = future();
        try {
            last = f.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception slowOrFailed) {
            // keep the previous names; the load goes on in the background
        }
        return last;
    }

    private synchronized CompletableFuture<Names> future() {
        CompletableFuture<Names> f = loading;
        if (f == null) {
            CompletableFuture<Names> started = new CompletableFuture<>();
            Thread t = new Thread(() -> started.complete(load()), "pgpilot-catalog");
            t.setDaemon(true);
            t.start();
            loading = f = started;
        }
        return f;
    }

    private Names load() {
        try {
            DatabaseTarget db = target.get();
            if (db == null) {
                return last;
            }
            TreeSet<String> tbl = new TreeSet<>();
            TreeSet<String> col = new TreeSet<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select table_schema, table_name, column_name from information_schema.columns"
                         + " where table_schema not in ('pg_catalog', 'information_schema', 'pgpilot', 'supabase_migrations')")) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    tbl.add(schema.equals("public") ? rs.getString(2) : schema + "." + rs.getString(2));
                    col.add(rs.getString(3));
                }
            }
            return new Names(List.copyOf(tbl), List.copyOf(col));
        } catch (RuntimeException | java.sql.SQLException e) {
            return last; // no completion of names is better than a broken prompt
        }
    }
}
