package dev.pgpilot.shell.repl;

import dev.pgpilot.core.db.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Table and column names of the target database for completion. Loaded once, in a background
 * thread, the first time completion asks for them; until then (or if loading fails) it is empty,
 * so the prompt never waits on the database.
 */
final class CatalogCache {
    private final Supplier<DatabaseTarget> target;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile List<String> tables = List.of();
    private volatile List<String> columns = List.of();

    CatalogCache(Supplier<DatabaseTarget> target) {
        this.target = target;
    }

    List<String> tables() {
        loadInBackground();
        return tables;
    }

    List<String> columns() {
        loadInBackground();
        return columns;
    }

    private void loadInBackground() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::load, "pgpilot-catalog");
        t.setDaemon(true);
        t.start();
    }

    private void load() {
        try {
            DatabaseTarget db = target.get();
            if (db == null) {
                return;
            }
            TreeSet<String> tbl = new TreeSet<>();
            TreeSet<String> col = new TreeSet<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select table_schema, table_name, column_name from information_schema.columns"
                         + " where table_schema not in ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    tbl.add(schema.equals("public") ? rs.getString(2) : schema + "." + rs.getString(2));
                    col.add(rs.getString(3));
                }
            }
            tables = List.copyOf(tbl);
            columns = List.copyOf(col);
        } catch (RuntimeException | java.sql.SQLException e) {
            // no completion of names is better than a broken prompt
        }
    }
}
