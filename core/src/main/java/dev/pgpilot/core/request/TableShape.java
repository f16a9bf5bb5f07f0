package dev.pgpilot.core.request;

import java.util.ArrayList;
import java.util.List;

/** SQL that recreates a table's shape (columns, constraints, indexes, RLS, comment) from the catalog: the down of a drop. */
final class TableShape {
    private TableShape() {}

    static List<String> rebuild(Catalog.Table t) {
        List<String> lines = new ArrayList<>();
        for (Catalog.Column c : t.columns().values()) lines.add("  " + c.toDef().sql());
        for (Catalog.Constraint c : t.constraints()) {
            if (c.type().equals("n")) continue;
            lines.add("  constraint " + Quote.ident(c.name()) + " " + c.definition());
        }
        List<String> out = new ArrayList<>();
        out.add("create table if not exists " + t.name().sql() + " (\n" + String.join(",\n", lines) + "\n);");
        for (Catalog.Index i : t.indexes()) {
            if (!i.constraint()) out.add(i.definition().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS ") + ";");
        }
        if (t.rls()) out.add("alter table " + t.name().sql() + " enable row level security;");
        if (t.comment() != null) out.add("comment on table " + t.name().sql() + " is " + Quote.literal(t.comment()) + ";");
        return out;
    }
}
