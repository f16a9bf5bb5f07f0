package dev.pgpilot.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relationships PostgREST embeds along: each foreign key on its table, and again on every view
 * that shows all of its columns (view to table), on its table pointing at every view that shows all
 * the referenced columns (table to view), and between two such views. A view column's origin is
 * read from the view's rewrite rule ({@code resorigtbl}/{@code resorigcol} of its target list), the
 * way PostgREST's schema cache reads it.
 */
final class ViewRelationships {
    private ViewRelationships() {}

    /** A column of a view that shows a table column unchanged. */
    private record Shown(String schema, String view, String column) {}

    private record Key(long table, int attnum) {}

    private record Fk(String name, String schema, String table, long tableOid, List<Integer> cols, List<String> colNames,
                      String refSchema, String refTable, long refOid, List<Integer> refCols, List<String> refColNames, boolean oneToOne) {}

    /** Adds every relationship to the relation it starts from, when that relation's schema is exposed. */
    static void read(Statement s, Map<String, TypeCatalog.SchemaTypes> schemas, String exposed) throws SQLException {
        Map<Key, List<Shown>> shown = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("""
                select vn.nspname, v.relname, m[2] as view_column, m[3]::oid as table_oid, m[4]::int as attnum
                from pg_class v join pg_namespace vn on vn.oid = v.relnamespace join pg_rewrite r on r.ev_class = v.oid,
                     regexp_matches(r.ev_action::text, ':resno (\\d+) :resname (\\S+) :ressortgroupref \\d+ :resorigtbl (\\d+) :resorigcol (\\d+)', 'g') m
                where v.relkind in ('v','m') and %s and m[3] <> '0'
                  and exists (select 1 from pg_attribute a where a.attrelid = v.oid and a.attnum = m[1]::int and a.attname = m[2])"""
                .formatted(exposed.formatted("vn")))) {
            while (rs.next()) {
                shown.computeIfAbsent(new Key(rs.getLong("table_oid"), rs.getInt("attnum")), k -> new ArrayList<>())
                        .add(new Shown(rs.getString(1), rs.getString(2), rs.getString("view_column")));
            }
        }
        List<Fk> fks = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                select k.conname, n.nspname, c.relname, c.oid, k.conkey,
                       (select array_agg(a.attname order by x.i) from unnest(k.conkey) with ordinality x(n, i)
                          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n) as cols,
                       rn.nspname as ref_schema, r.relname as ref, r.oid as ref_oid, k.confkey,
                       (select array_agg(a.attname order by x.i) from unnest(k.confkey) with ordinality x(n, i)
                          join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.n) as refcols,
                       exists (select 1 from pg_constraint u where u.conrelid = k.conrelid and u.contype in ('p','u')
                                 and u.conkey @> k.conkey and u.conkey <@ k.conkey) as one_to_one
                from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace
                where k.contype = 'f' and k.conparentid = 0""")) {
            while (rs.next()) {
                fks.add(new Fk(rs.getString("conname"), rs.getString("nspname"), rs.getString("relname"), rs.getLong("oid"),
                        ints(rs.getArray("conkey").getArray()), List.of((String[]) rs.getArray("cols").getArray()),
                        rs.getString("ref_schema"), rs.getString("ref"), rs.getLong("ref_oid"),
                        ints(rs.getArray("confkey").getArray()), List.of((String[]) rs.getArray("refcols").getArray()), rs.getBoolean("one_to_one")));
            }
        }
        for (Fk fk : fks) {
            Map<String, List<List<String>>> fromViews = viewsShowing(fk.tableOid(), fk.cols(), shown);
            Map<String, List<List<String>>> toViews = viewsShowing(fk.refOid(), fk.refCols(), shown);
            add(schemas, fk.schema(), fk.table(), fk, fk.colNames(), fk.refSchema(), fk.refTable(), fk.refColNames());
            forEach(fromViews, (view, cols) -> add(schemas, view.split("\\.", 2)[0], view.split("\\.", 2)[1], fk, cols,
                    fk.refSchema(), fk.refTable(), fk.refColNames()));
            forEach(toViews, (view, cols) -> add(schemas, fk.schema(), fk.table(), fk, fk.colNames(),
                    view.split("\\.", 2)[0], view.split("\\.", 2)[1], cols));
            forEach(fromViews, (from, cols) -> forEach(toViews, (to, refCols) -> add(schemas, from.split("\\.", 2)[0],
                    from.split("\\.", 2)[1], fk, cols, to.split("\\.", 2)[0], to.split("\\.", 2)[1], refCols)));
        }
        Comparator<TypeCatalog.ForeignKey> order = Comparator.comparing(TypeCatalog.ForeignKey::name)
                .thenComparing(TypeCatalog.ForeignKey::referencedRelation)
                .thenComparing(f -> String.join(",", f.referencedColumns()));
        schemas.values().forEach(st -> st.relations().values().forEach(r -> r.foreignKeys().sort(order)));
    }

    /**
     * Per view ("schema.view"), every way of picking one of its columns for each key column: a view
     * showing one key column twice gives two relationships, as PostgREST has them.
     */
    private static Map<String, List<List<String>>> viewsShowing(long table, List<Integer> attnums, Map<Key, List<Shown>> shown) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        List<Shown> first = shown.getOrDefault(new Key(table, attnums.get(0)), List.of());
        for (String view : first.stream().map(x -> x.schema() + "." + x.view()).distinct().toList()) {
            List<List<String>> combos = List.of(List.of());
            for (int attnum : attnums) {
                List<String> options = shown.getOrDefault(new Key(table, attnum), List.of()).stream()
                        .filter(x -> (x.schema() + "." + x.view()).equals(view)).map(Shown::column).toList();
                List<List<String>> next = new ArrayList<>();
                for (List<String> c : combos) {
                    for (String o : options) {
                        List<String> longer = new ArrayList<>(c);
                        longer.add(o);
                        next.add(longer);
                    }
                }
                combos = next;
            }
            if (!combos.isEmpty()) out.put(view, combos);
        }
        return out;
    }

    private static void forEach(Map<String, List<List<String>>> views, java.util.function.BiConsumer<String, List<String>> f) {
        views.forEach((view, combos) -> combos.forEach(cols -> f.accept(view, cols)));
    }

    private static void add(Map<String, TypeCatalog.SchemaTypes> schemas, String schema, String relation, Fk fk, List<String> cols,
                            String refSchema, String refRelation, List<String> refCols) {
        TypeCatalog.SchemaTypes st = schemas.get(schema);
        TypeCatalog.Relation r = st == null ? null : st.relations().get(relation);
        if (r != null) {
            r.foreignKeys().add(new TypeCatalog.ForeignKey(fk.name(), cols, fk.oneToOne(), refSchema, refRelation, refCols));
        }
    }

    private static List<Integer> ints(Object array) {
        List<Integer> out = new ArrayList<>();
        for (Object o : (Object[]) array) out.add(((Number) o).intValue());
        return out;
    }
}
