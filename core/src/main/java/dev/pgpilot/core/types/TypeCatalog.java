package dev.pgpilot.core.types;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.drift.CatalogSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What type generation needs from a database: per user schema, its tables and views (columns with
 * type, nullability, default/identity/generated), foreign keys, enums, composite types and
 * functions. Five queries for the whole database.
 */
public record TypeCatalog(Map<String, SchemaTypes> schemas) {

    /**
     * A PostgreSQL type reduced to what the TypeScript mapping needs; domains are resolved to their
     * base type. {@code kind} is pg_type.typtype, except a table's row type is 'T' and a view's 'V'.
     */
    public record PgType(String schema, String name, char kind, boolean array) {}

    public record Column(String name, PgType type, boolean nullable, boolean hasDefault, boolean identityAlways,
                         boolean identity, boolean generated) {}

    public record ForeignKey(String name, List<String> columns, boolean oneToOne, String referencedRelation, List<String> referencedColumns) {}

    public record Relation(String name, boolean view, List<Column> columns, List<ForeignKey> foreignKeys) {}

    public record Arg(String name, PgType type, boolean hasDefault) {}

    /**
     * {@code columns} are the OUT / INOUT / TABLE parameters: what a function declared
     * {@code RETURNS TABLE (...)} or with OUT parameters returns per row, in place of its bare {@code record}.
     */
    public record Function(String name, long oid, List<Arg> args, PgType returns, boolean returnsSet, List<Arg> columns) {}

    public record SchemaTypes(Map<String, Relation> relations, Map<String, List<String>> enums,
                              Map<String, List<Column>> composites, Map<String, List<Function>> functions) {}

    /** SQL that turns a type oid column into the six PgType columns (schema, name, kind, array), resolving domains. */
    private static String type(String oid, String p) {
        return """
                (select bn.nspname from pg_type t0 join pg_type b on b.oid = case when t0.typtype = 'd' then t0.typbasetype else t0.oid end
                   left join pg_type e on e.oid = b.typelem and b.typcategory = 'A'
                   join pg_namespace bn on bn.oid = coalesce(e.typnamespace, b.typnamespace) where t0.oid = %1$s) as %2$s_schema,
                (select coalesce(e.typname, b.typname) from pg_type t0 join pg_type b on b.oid = case when t0.typtype = 'd' then t0.typbasetype else t0.oid end
                   left join pg_type e on e.oid = b.typelem and b.typcategory = 'A' where t0.oid = %1$s) as %2$s_name,
                (select case when coalesce(e.typtype, b.typtype) = 'c'
                             then (select case when rc.relkind in ('r','p') then 'T' when rc.relkind in ('v','m') then 'V' else 'c' end
                                   from pg_class rc where rc.oid = coalesce(e.typrelid, b.typrelid))
                             else coalesce(e.typtype, b.typtype)::text end from pg_type t0 join pg_type b on b.oid = case when t0.typtype = 'd' then t0.typbasetype else t0.oid end
                   left join pg_type e on e.oid = b.typelem and b.typcategory = 'A' where t0.oid = %1$s) as %2$s_kind,
                (select b.typcategory = 'A' from pg_type t0 join pg_type b on b.oid = case when t0.typtype = 'd' then t0.typbasetype else t0.oid end
                   where t0.oid = %1$s) as %2$s_array""".formatted(oid, p);
    }

    private static PgType type(ResultSet rs, String p) throws SQLException {
        String kind = rs.getString(p + "_kind");
        return new PgType(rs.getString(p + "_schema"), rs.getString(p + "_name"), kind == null ? 'b' : kind.charAt(0), rs.getBoolean(p + "_array"));
    }

    private static String user(String alias) {
        return String.format(CatalogSnapshot.USER_SCHEMA_FILTER, alias);
    }

    /**
     * The schemas {@code supabase gen types} would cover for this project: public and
     * {@code [api] schemas} of {@code supabase/config.toml}; every user schema when that is not set.
     */
    public TypeCatalog exposed(dev.pgpilot.core.workspace.SupabaseConfig config) {
        if (config.apiSchemas().isEmpty()) return this;
        java.util.Set<String> keep = new java.util.HashSet<>(config.apiSchemas());
        keep.add("public");
        Map<String, SchemaTypes> kept = new TreeMap<>(schemas);
        kept.keySet().retainAll(keep);
        return new TypeCatalog(kept);
    }

    public static TypeCatalog read(DatabaseTarget target) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            Map<String, SchemaTypes> schemas = new TreeMap<>();
            schemas.put("public", empty());
            try (ResultSet rs = s.executeQuery("select nspname from pg_namespace n where " + user("n"))) {
                while (rs.next()) {
                    schemas.computeIfAbsent(rs.getString(1), k -> empty());
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select n.nspname, c.relname, c.relkind, a.attname, not a.attnotnull as nullable, a.atthasdef,
                           a.attidentity, a.attgenerated <> '' as generated, %s
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                    where c.relkind in ('r','p','v','m','c') and %s
                    order by n.nspname, c.relname, a.attnum""".formatted(type("a.atttypid", "t"), user("n")))) {
                while (rs.next()) {
                    SchemaTypes st = schemas.get(rs.getString(1));
                    String ident = rs.getString("attidentity");
                    Column col = new Column(rs.getString("attname"), type(rs, "t"), rs.getBoolean("nullable"), rs.getBoolean("atthasdef"),
                            "a".equals(ident), ident != null && !ident.isEmpty(), rs.getBoolean("generated"));
                    String kind = rs.getString("relkind");
                    if (kind.equals("c")) {
                        st.composites().computeIfAbsent(rs.getString("relname"), k -> new ArrayList<>()).add(col);
                    } else {
                        st.relations().computeIfAbsent(rs.getString("relname"),
                                k -> new Relation(k, kind.equals("v") || kind.equals("m"), new ArrayList<>(), new ArrayList<>())).columns().add(col);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select n.nspname, c.relname, k.conname,
                           (select array_agg(a.attname order by x.i) from unnest(k.conkey) with ordinality x(n, i)
                              join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n) as cols,
                           r.relname as ref,
                           (select array_agg(a.attname order by x.i) from unnest(k.confkey) with ordinality x(n, i)
                              join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.n) as refcols,
                           exists (select 1 from pg_constraint u where u.conrelid = k.conrelid and u.contype in ('p','u')
                                     and u.conkey @> k.conkey and u.conkey <@ k.conkey) as one_to_one
                    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                    join pg_class r on r.oid = k.confrelid
                    where k.contype = 'f' and %s order by k.conname""".formatted(user("n")))) {
                while (rs.next()) {
                    Relation rel = schemas.get(rs.getString(1)).relations().get(rs.getString(2));
                    if (rel != null) {
                        rel.foreignKeys().add(new ForeignKey(rs.getString("conname"), List.of((String[]) rs.getArray("cols").getArray()),
                                rs.getBoolean("one_to_one"), rs.getString("ref"), List.of((String[]) rs.getArray("refcols").getArray())));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select n.nspname, t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
                    from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
                    where %s group by n.nspname, t.typname""".formatted(user("n")))) {
                while (rs.next()) {
                    schemas.get(rs.getString(1)).enums().put(rs.getString(2), List.of((String[]) rs.getArray("labels").getArray()));
                }
            }
            // Trigger functions cannot be called through the API; the Supabase CLI leaves them out too.
            try (ResultSet rs = s.executeQuery("""
                    select n.nspname, p.proname, p.oid, p.proretset, %s
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where p.prokind = 'f' and p.prorettype <> 'trigger'::regtype and %s
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
                    order by n.nspname, p.proname, p.oid""".formatted(type("p.prorettype", "r"), user("n")))) {
                while (rs.next()) {
                    schemas.get(rs.getString(1)).functions().computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new Function(rs.getString(2), rs.getLong("oid"), new ArrayList<>(), type(rs, "r"), rs.getBoolean("proretset"), new ArrayList<>()));
                }
            }
            // pronargdefaults counts the trailing defaults among the input parameters only, so the
            // position that decides "has a default" is the one among inputs, not among all parameters.
            try (ResultSet rs = s.executeQuery("""
                    select n.nspname, p.proname, p.oid, coalesce(p.proargnames[a.i], '') as argname, coalesce(p.proargmodes[a.i], 'i') as mode,
                           p.pronargs, p.pronargdefaults, %s
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
                         unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(t, i)
                    where p.prokind = 'f' and p.prorettype <> 'trigger'::regtype and %s
                    order by n.nspname, p.proname, p.oid, a.i""".formatted(type("a.t", "a"), user("n")))) {
                long lastOid = -1;
                int inputs = 0;
                while (rs.next()) {
                    List<Function> fs = schemas.get(rs.getString(1)).functions().get(rs.getString(2));
                    if (fs == null) continue;
                    long oid = rs.getLong("oid");
                    if (oid != lastOid) {
                        lastOid = oid;
                        inputs = 0;
                    }
                    String mode = rs.getString("mode");
                    boolean input = mode.equals("i") || mode.equals("b") || mode.equals("v");
                    Arg arg = new Arg(rs.getString("argname"), type(rs, "a"),
                            input && inputs >= rs.getInt("pronargs") - rs.getInt("pronargdefaults"));
                    if (input) inputs++;
                    for (Function f : fs) {
                        if (f.oid() == oid) {
                            if (input) f.args().add(arg);
                            if (!mode.equals("i") && !mode.equals("v")) f.columns().add(arg);
                        }
                    }
                }
            }
            return new TypeCatalog(schemas);
        } catch (SQLException e) {
            throw PilotException.error("cannot read types from " + target.display() + ": " + e.getMessage(), null);
        }
    }

    private static SchemaTypes empty() {
        return new SchemaTypes(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }
}
