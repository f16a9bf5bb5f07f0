package dev.pgpilot.core.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory catalog for testing one frame's rules without a database: tables of "name type"
 * columns (a trailing "!" means not null; a column id is the primary key), indexes and enums.
 */
final class TinyCatalog {
    private final Map<String, Catalog.Table> tables = new LinkedHashMap<>();
    private final Map<String, Catalog.EnumType> enums = new LinkedHashMap<>();

    TinyCatalog table(String name, String... columns) {
        Map<String, Catalog.Column> cols = new LinkedHashMap<>();
        for (String c : columns) {
            String[] parts = c.split(" ", 2);
            boolean notNull = parts[1].endsWith("!");
            String type = notNull ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
            cols.put(parts[0], new Catalog.Column(parts[0], type, notNull, null, null));
        }
        List<Catalog.Constraint> keys = cols.containsKey("id") ? List.of(new Catalog.Constraint(name + "_pkey", "p", "PRIMARY KEY (id)", List.of("id"), null)) : List.of();
        tables.put("public." + name, new Catalog.Table(QualifiedName.pub(name), cols, new ArrayList<>(), keys, false, null, List.of(), List.of()));
        return this;
    }

    TinyCatalog index(String table, String name, String column) {
        Catalog.Table t = tables.get("public." + table);
        t.indexes().add(new Catalog.Index(QualifiedName.pub(name), "CREATE INDEX " + name + " ON public." + table + " USING btree (" + column + ")", List.of(column), false));
        return this;
    }

    TinyCatalog enumType(String name, String... values) {
        enums.put("public." + name, new Catalog.EnumType(QualifiedName.pub(name), List.of(values)));
        return this;
    }

    Catalog build() {
        return new Catalog(tables, enums, Set.of());
    }

    static Words words(String request) {
        String text = Quote.oneLine(request);
        return new Words(RequestLexer.lex(text), text);
    }
}
