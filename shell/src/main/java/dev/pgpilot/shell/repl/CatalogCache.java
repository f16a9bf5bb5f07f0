package dev.pgpilot.shell.repl;

import dev.pgpilot.core.target.DatabaseTarget;
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

    /**
     * @param tables  {@code name} for schema public, {@code schema.name} for the others
     * @param columns each table's columns in table order, keyed as in {@code tables}
     */
    record Names(List<String> tables, java.util.Map<String, List<String>> columns) {
        static final Names NONE = new Names(List.of(), java.util.Map.of());
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

    /**
     * Columns of the tables in schema public, each name once: what a request names without saying
     * the table. Tables of other schemas (auth.users ...) show theirs only after {@code table.}.
     */
    List<String> columns() {
        TreeSet<String> publicColumns = new TreeSet<>();
        names().columns().forEach((table, cols) -> {
            if (!table.contains(".")) publicColumns.addAll(cols);
        });
        return List.copyOf(publicColumns);
    }

    /** The columns of one table ({@code notes}, {@code auth.users}); empty when there is none such. */
    List<String> columnsOf(String table) {
        return names().columns().getOrDefault(table, List.of());
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
            java.util.Map<String, List<String>> col = new java.util.TreeMap<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select table_schema, table_name, column_name from information_schema.columns"
                         + " where table_schema not in ('pg_catalog', 'information_schema', 'pgpilot', 'supabase_migrations')"
                         + " order by table_schema, table_name, ordinal_position")) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String table = schema.equals("public") ? rs.getString(2) : schema + "." + rs.getString(2);
                    col.computeIfAbsent(table, t -> new java.util.ArrayList<>()).add(rs.getString(3));
                }
            }
            col.replaceAll((t, cols) -> List.copyOf(cols));
            return new Names(List.copyOf(col.keySet()), java.util.Collections.unmodifiableMap(col));
        } catch (RuntimeException | java.sql.SQLException e) {
            return last; // no completion of names is better than a broken prompt
        }
    }
}
