package dev.pgpilot.core.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables (with their columns, indexes, constraints, policies, triggers), enums, functions,
 * types and storage buckets of a live database, as rows read from pg_catalog with one query per
 * kind. Tables are those a request may name ({@link ManagedSchemas#projectTables}); enums of every
 * schema, since a column may use auth's; functions and types outside PostgreSQL's own schemas.
 * The planner's {@code Catalog} and completion are built from this one read.
 *
 * @param types in the order a bare type name is looked up: public, then extensions, then by schema and name
 */
public record LiveCatalog(List<Table> tables, List<EnumType> enums, Set<String> functions, List<TypeName> types, List<Bucket> buckets,
                          List<DefinerCheck> definerChecks) {
    public record Column(String name, String type, boolean notNull, String defaultSql, String identity) {}

    /** @param definition pg_get_indexdef; @param constraint true when it backs a primary key/unique/exclusion constraint */
    public record Index(String schema, String name, String definition, List<String> columns, boolean constraint) {}

    /** @param type p, u, f, c ...; @param definition pg_get_constraintdef; @param refSchema null unless a foreign key */
    public record Constraint(String name, String type, String definition, List<String> columns, String refSchema, String refTable) {}

    /** @param command select, insert, update, delete or all; @param roles "public" for every role */
    public record Policy(String name, String command, boolean permissive, List<String> roles, String using, String withCheck) {}

    /** @param definition pg_get_triggerdef */
    public record Trigger(String name, String definition) {}

    public record Table(String schema, String name, boolean rls, String comment, List<Column> columns, List<Index> indexes,
                        List<Constraint> constraints, List<Policy> policies, List<Trigger> triggers) {}

    public record EnumType(String schema, String name, List<String> values) {}

    /** An enum, domain, range or base type (citext, vector ...) outside PostgreSQL's own schemas. */
    public record TypeName(String schema, String name) {}

    /** A storage bucket as storage.buckets has it. @param sizeLimit bytes or null; @param mimeTypes empty = any */
    public record Bucket(String id, boolean isPublic, Long sizeLimit, List<String> mimeTypes) {}

    /**
     * A SQL function of one argument returning boolean that runs with its owner's rights (SECURITY DEFINER), the shape
     * a policy asks "is the caller a member of this row's organization?" through; the planner reuses one that means what it needs.
     * @param argName null when the argument has no name; @param body prosrc as written
     */
    public record DefinerCheck(String schema, String name, String argName, String argType, boolean emptySearchPath, String body) {}

    /** One table's rows while they are read, keyed by its oid. */
    private record Rows(String schema, String name, boolean rls, String comment, List<Column> columns, List<Index> indexes,
                        List<Constraint> constraints, List<Policy> policies, List<Trigger> triggers) {
        Table table() {
            return new Table(schema, name, rls, comment, List.copyOf(columns), List.copyOf(indexes), List.copyOf(constraints),
                    List.copyOf(policies), List.copyOf(triggers));
        }
    }

    public static LiveCatalog read(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            Map<Long, Rows> byOid = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("select c.oid, n.nspname, c.relname, c.relrowsecurity, obj_description(c.oid, 'pg_class') "
                    + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r','p') and "
                    + ManagedSchemas.projectTables("n") + " order by 2, 3")) {
                while (rs.next()) {
                    byOid.put(rs.getLong(1), new Rows(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                            new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                }
            }
            try (ResultSet rs = st.executeQuery("select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                    + "pg_get_expr(d.adbin, d.adrelid), nullif(a.attidentity, '') from pg_attribute a left join pg_attrdef d "
                    + "on d.adrelid = a.attrelid and d.adnum = a.attnum where a.attnum > 0 and not a.attisdropped order by a.attrelid, a.attnum")) {
                while (rs.next()) {
                    Rows t = byOid.get(rs.getLong(1));
                    if (t != null) t.columns().add(new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6)));
                }
            }
            try (ResultSet rs = st.executeQuery("select i.indrelid, n.nspname, ic.relname, pg_get_indexdef(i.indexrelid), "
                    + "array(select a.attname::text from unnest(i.indkey) k join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k), "
                    + "exists (select 1 from pg_constraint x where x.conindid = i.indexrelid and x.contype in ('p','u','x')) "
                    + "from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace order by 3")) {
                while (rs.next()) {
                    Rows t = byOid.get(rs.getLong(1));
                    if (t != null) t.indexes().add(new Index(rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5)), rs.getBoolean(6)));
                }
            }
            try (ResultSet rs = st.executeQuery("select x.conrelid, x.conname, x.contype::text, pg_get_constraintdef(x.oid), "
                    + "array(select a.attname::text from unnest(x.conkey) k join pg_attribute a on a.attrelid = x.conrelid and a.attnum = k), "
                    + "rn.nspname, r.relname from pg_constraint x left join pg_class r on r.oid = x.confrelid "
                    + "left join pg_namespace rn on rn.oid = r.relnamespace where x.conrelid <> 0 order by 2")) {
                while (rs.next()) {
                    Rows t = byOid.get(rs.getLong(1));
                    if (t != null) {
                        t.constraints().add(new Constraint(rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5)),
                                rs.getString(6), rs.getString(7)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("select p.polrelid, p.polname, case p.polcmd when 'r' then 'select' when 'a' then 'insert' "
                    + "when 'w' then 'update' when 'd' then 'delete' else 'all' end, p.polpermissive, "
                    + "array(select case when r = 0 then 'public' else pg_get_userbyid(r)::text end from unnest(p.polroles) r order by 1), "
                    + "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) from pg_policy p order by 2")) {
                while (rs.next()) {
                    Rows t = byOid.get(rs.getLong(1));
                    if (t != null) t.policies().add(new Policy(rs.getString(2), rs.getString(3), rs.getBoolean(4), strings(rs.getArray(5)), rs.getString(6), rs.getString(7)));
                }
            }
            try (ResultSet rs = st.executeQuery("select tgrelid, tgname, pg_get_triggerdef(oid) from pg_trigger where not tgisinternal order by 2")) {
                while (rs.next()) {
                    Rows t = byOid.get(rs.getLong(1));
                    if (t != null) t.triggers().add(new Trigger(rs.getString(2), rs.getString(3)));
                }
            }
            List<Table> tables = byOid.values().stream().map(Rows::table).toList();
            return new LiveCatalog(tables, enums(st), functions(st), types(st), buckets(st), definerChecks(st));
        }
    }

    /** The names of every schema the database has. */
    public static Set<String> schemaNames(Statement st) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = st.executeQuery("select nspname from pg_namespace")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** Every enum of every schema with its labels in order; type generation reads them too. */
    public static List<EnumType> enums(Statement st) throws SQLException {
        List<EnumType> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select n.nspname, t.typname, array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) "
                + "from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.typtype = 'e' order by 1, 2")) {
            while (rs.next()) out.add(new EnumType(rs.getString(1), rs.getString(2), strings(rs.getArray(3))));
        }
        return out;
    }

    private static Set<String> functions(Statement st) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = st.executeQuery("select n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                + "where " + ManagedSchemas.notSystem("n"))) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static List<DefinerCheck> definerChecks(Statement st) throws SQLException {
        List<DefinerCheck> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select n.nspname, p.proname, p.proargnames[1], format_type(p.proargtypes[0], null), "
                + "coalesce(p.proconfig @> array['search_path=\"\"'], false), p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                + "where p.prosecdef and p.pronargs = 1 and p.prorettype = 'boolean'::regtype and p.prolang = (select oid from pg_language where lanname = 'sql') and "
                + ManagedSchemas.notSystem("n") + " order by 1, 2")) {
            while (rs.next()) out.add(new DefinerCheck(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6)));
        }
        return out;
    }

    private static List<TypeName> types(Statement st) throws SQLException {
        List<TypeName> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select n.nspname, t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace "
                + "where t.typtype in ('b','d','e','r','m') and t.typrelid = 0 and t.typname !~ '^_' and " + ManagedSchemas.notSystem("n")
                + " order by case n.nspname when 'public' then 0 when 'extensions' then 1 else 2 end, 1, 2")) {
            while (rs.next()) out.add(new TypeName(rs.getString(1), rs.getString(2)));
        }
        return out;
    }

    private static List<Bucket> buckets(Statement st) throws SQLException {
        List<Bucket> out = new ArrayList<>();
        try (ResultSet has = st.executeQuery("select to_regclass('storage.buckets') is not null")) {
            if (!has.next() || !has.getBoolean(1)) return out;
        }
        try (ResultSet rs = st.executeQuery("select id, public, file_size_limit, allowed_mime_types from storage.buckets order by id")) {
            while (rs.next()) {
                long limit = rs.getLong(3);
                Long size = rs.wasNull() ? null : limit;
                Array mimes = rs.getArray(4);
                out.add(new Bucket(rs.getString(1), rs.getBoolean(2), size, mimes == null ? List.of() : strings(mimes)));
            }
        }
        return out;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
