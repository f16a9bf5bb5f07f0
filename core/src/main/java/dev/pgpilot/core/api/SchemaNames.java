package dev.pgpilot.core.api;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.Catalog;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Table and column names of a database, for the shell's completion: read by the planner's own
 * catalog reader, so completion offers exactly the tables a request can name.
 *
 * @param tables  {@code name} for schema public, {@code schema.name} for the others, sorted
 * @param columns each table's columns in table order, keyed as in {@code tables}
 */
public record SchemaNames(List<String> tables, Map<String, List<String>> columns) {
    public static final SchemaNames NONE = new SchemaNames(List.of(), Map.of());

    /** Reads them from {@code db} now. */
    static SchemaNames read(DatabaseTarget db) {
        try (Connection c = db.connect()) {
            return of(Catalog.load(c));
        } catch (SQLException e) {
            throw PilotException.error("cannot read the catalog of " + db.display() + ": " + e.getMessage(), null);
        }
    }

    static SchemaNames of(Catalog catalog) {
        Map<String, List<String>> columns = new TreeMap<>();
        for (Catalog.Table t : catalog.tables().values()) {
            String key = t.name().schema().equals("public") ? t.name().name() : t.name().schema() + "." + t.name().name();
            columns.put(key, List.copyOf(t.columns().keySet()));
        }
        return new SchemaNames(List.copyOf(columns.keySet()), Collections.unmodifiableMap(columns));
    }
}
