package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the target database holds (tables, columns, indexes, constraints, enums, RLS), read from
 * pg_catalog. Requests are resolved against it so unknown names are refused, not guessed.
 */
public final class Catalog {
    public record Column(String name, String type, boolean notNull, String defaultSql, String identity) {
        public ColumnDef toDef() {
            return new ColumnDef(name, type, notNull, identity == null ? defaultSql : null, false, null, identity);
        }
    }

    /** @param definition pg_get_indexdef; @param constraint true when it backs a primary key/unique constraint */
    public record Index(QualifiedName name, String definition, List<String> columns, boolean constraint) {}

    /** @param type p, u, f, c ...; @param definition pg_get_constraintdef */
    public record Constraint(String name, String type, String definition, List<String> columns, QualifiedName references) {}

    /**
     * A row-level security policy as PostgreSQL shows it back.
     * @param command select, insert, update, delete or all; @param roles role names ("public" for every role)
     * @param using pg_get_expr of the row filter, or null; @param withCheck the new-row filter, or null
     */
    public record Policy(String name, String command, boolean permissive, List<String> roles, String using, String withCheck) {
        /** True when the policy applies to {@code cmd} (an "all" policy applies to every command). */
        public boolean covers(String cmd) {
            return command.equals("all") || command.equals(cmd);
        }
    }

    /** @param definition pg_get_triggerdef */
    public record Trigger(String name, String definition) {}

    public record Table(QualifiedName name, Map<String, Column> columns, List<Index> indexes,
                        List<Constraint> constraints, boolean rls, String comment, List<Policy> policies, List<Trigger> triggers) {
        public Optional<Policy> policy(String policyName) {
            return policies.stream().filter(p -> p.name().equals(policyName)).findFirst();
        }

        public Optional<Trigger> trigger(String triggerName) {
            return triggers.stream().filter(t -> t.name().equals(triggerName)).findFirst();
        }

        public Optional<Column> column(String c) {
            return Optional.ofNullable(columns.get(c));
        }

        /** The column holding auth.users(id) of the row's owner: see {@link OwnerColumn}. */
        public Optional<String> ownerColumn() {
            return OwnerColumn.of(this);
        }
    }

    public record EnumType(QualifiedName name, List<String> values) {}

    /** A storage bucket as storage.buckets has it. @param sizeLimit bytes or null; @param mimeTypes empty = any */
    public record Bucket(String id, boolean isPublic, Long sizeLimit, List<String> mimeTypes) {}

    private final Map<String, Table> tables;
    private final Map<String, EnumType> enums;
    private final Set<String> functions;
    /** Type names the target knows outside pg_catalog (enums, domains, extension types), bare and qualified, to their SQL. */
    private final Map<String, String> types;
    /** Storage buckets by id (none when the database has no storage schema). */
    private Map<String, Bucket> buckets = Map.of();

    public Catalog(Map<String, Table> tables, Map<String, EnumType> enums, Set<String> functions) {
        this(tables, enums, functions, enumTypes(enums));
    }

    public Catalog(Map<String, Table> tables, Map<String, EnumType> enums, Set<String> functions, Map<String, String> types) {
        this.tables = tables;
        this.enums = enums;
        this.functions = functions;
        this.types = types;
    }

    /** The same catalog with other tables and enums (what planned changes leave behind: {@link CatalogAfter}). */
    Catalog with(Map<String, Table> newTables, Map<String, EnumType> newEnums, Set<String> newFunctions) {
        Map<String, String> t = new LinkedHashMap<>(types);
        t.putAll(enumTypes(newEnums));
        return new Catalog(newTables, newEnums, newFunctions, t);
    }

    Map<String, EnumType> enums() {
        return enums;
    }

    Set<String> functions() {
        return functions;
    }

    public static Catalog empty() {
        return new Catalog(Map.of(), Map.of(), Set.of());
    }

    private static Map<String, String> enumTypes(Map<String, EnumType> enums) {
        Map<String, String> m = new LinkedHashMap<>();
        for (EnumType e : enums.values()) {
            m.putIfAbsent(e.name().name(), e.name().sql());
            m.put(e.name().display(), e.name().sql());
        }
        return m;
    }

    private static final String SYSTEM = "('pg_catalog','information_schema','pg_toast','pgpilot','supabase_migrations','extensions','graphql','graphql_public','realtime','vault','pgsodium')";

    /** Reads the catalog of every user schema (public, auth, storage, ...). */
    public static Catalog load(Connection c) {
        try (Statement st = c.createStatement()) {
            Map<String, Table> tables = new LinkedHashMap<>();
            Map<Long, QualifiedName> byOid = new LinkedHashMap<>();
            Map<Long, Map<String, Column>> cols = new LinkedHashMap<>();
            Map<Long, List<Index>> idx = new LinkedHashMap<>();
            Map<Long, List<Constraint>> cons = new LinkedHashMap<>();
            Map<Long, Object[]> meta = new LinkedHashMap<>();
            Map<Long, List<Policy>> pols = new LinkedHashMap<>();
            Map<Long, List<Trigger>> trigs = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("select c.oid, n.nspname, c.relname, c.relrowsecurity, obj_description(c.oid, 'pg_class') "
                    + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r','p') and n.nspname not in " + SYSTEM
                    + " and n.nspname not like 'pg_%' order by 2, 3")) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    byOid.put(oid, new QualifiedName(rs.getString(2), rs.getString(3)));
                    cols.put(oid, new LinkedHashMap<>());
                    idx.put(oid, new ArrayList<>());
                    cons.put(oid, new ArrayList<>());
                    pols.put(oid, new ArrayList<>());
                    trigs.put(oid, new ArrayList<>());
                    meta.put(oid, new Object[] {rs.getBoolean(4), rs.getString(5)});
                }
            }
            try (ResultSet rs = st.executeQuery("select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                    + "pg_get_expr(d.adbin, d.adrelid), nullif(a.attidentity, '') from pg_attribute a left join pg_attrdef d "
                    + "on d.adrelid = a.attrelid and d.adnum = a.attnum where a.attnum > 0 and not a.attisdropped order by a.attrelid, a.attnum")) {
                while (rs.next()) {
                    Map<String, Column> m = cols.get(rs.getLong(1));
                    if (m != null) m.put(rs.getString(2), new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6)));
                }
            }
            try (ResultSet rs = st.executeQuery("select i.indrelid, n.nspname, ic.relname, pg_get_indexdef(i.indexrelid), "
                    + "array(select a.attname::text from unnest(i.indkey) k join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k), "
                    + "exists (select 1 from pg_constraint x where x.conindid = i.indexrelid and x.contype in ('p','u','x')) "
                    + "from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace order by 3")) {
                while (rs.next()) {
                    List<Index> l = idx.get(rs.getLong(1));
                    if (l != null) l.add(new Index(new QualifiedName(rs.getString(2), rs.getString(3)), rs.getString(4), strings(rs.getArray(5)), rs.getBoolean(6)));
                }
            }
            try (ResultSet rs = st.executeQuery("select x.conrelid, x.conname, x.contype::text, pg_get_constraintdef(x.oid), "
                    + "array(select a.attname::text from unnest(x.conkey) k join pg_attribute a on a.attrelid = x.conrelid and a.attnum = k), "
                    + "rn.nspname, r.relname from pg_constraint x left join pg_class r on r.oid = x.confrelid "
                    + "left join pg_namespace rn on rn.oid = r.relnamespace where x.conrelid <> 0 order by 2")) {
                while (rs.next()) {
                    List<Constraint> l = cons.get(rs.getLong(1));
                    if (l != null) {
                        QualifiedName ref = rs.getString(7) == null ? null : new QualifiedName(rs.getString(6), rs.getString(7));
                        l.add(new Constraint(rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5)), ref));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("select p.polrelid, p.polname, case p.polcmd when 'r' then 'select' when 'a' then 'insert' "
                    + "when 'w' then 'update' when 'd' then 'delete' else 'all' end, p.polpermissive, "
                    + "array(select case when r = 0 then 'public' else pg_get_userbyid(r)::text end from unnest(p.polroles) r order by 1), "
                    + "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) from pg_policy p order by 2")) {
                while (rs.next()) {
                    List<Policy> l = pols.get(rs.getLong(1));
                    if (l != null) l.add(new Policy(rs.getString(2), rs.getString(3), rs.getBoolean(4), strings(rs.getArray(5)), rs.getString(6), rs.getString(7)));
                }
            }
            try (ResultSet rs = st.executeQuery("select tgrelid, tgname, pg_get_triggerdef(oid) from pg_trigger where not tgisinternal order by 2")) {
                while (rs.next()) {
                    List<Trigger> l = trigs.get(rs.getLong(1));
                    if (l != null) l.add(new Trigger(rs.getString(2), rs.getString(3)));
                }
            }
            for (var e : byOid.entrySet()) {
                long oid = e.getKey();
                Object[] m = meta.get(oid);
                tables.put(e.getValue().display(), new Table(e.getValue(), cols.get(oid), List.copyOf(idx.get(oid)),
                        List.copyOf(cons.get(oid)), (Boolean) m[0], (String) m[1],
                        List.copyOf(pols.get(oid)), List.copyOf(trigs.get(oid))));
            }
            Map<String, EnumType> enums = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("select n.nspname, t.typname, array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) "
                    + "from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.typtype = 'e' order by 1, 2")) {
                while (rs.next()) {
                    QualifiedName q = new QualifiedName(rs.getString(1), rs.getString(2));
                    enums.put(q.display(), new EnumType(q, strings(rs.getArray(3))));
                }
            }
            Set<String> functions = new TreeSet<>();
            try (ResultSet rs = st.executeQuery("select n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                    + "where n.nspname not in ('pg_catalog','information_schema')")) {
                while (rs.next()) functions.add(rs.getString(1));
            }
            Catalog catalog = new Catalog(tables, enums, functions, userTypes(st));
            catalog.buckets = buckets(st);
            return catalog;
        } catch (SQLException e) {
            throw PilotException.error("cannot read the database catalog: " + Sql.oneLine(e.getMessage()), "check the database URL and permissions");
        }
    }

    private static Map<String, Bucket> buckets(Statement st) throws SQLException {
        Map<String, Bucket> out = new LinkedHashMap<>();
        try (ResultSet has = st.executeQuery("select to_regclass('storage.buckets') is not null")) {
            if (!has.next() || !has.getBoolean(1)) return out;
        }
        try (ResultSet rs = st.executeQuery("select id, public, file_size_limit, allowed_mime_types from storage.buckets order by id")) {
            while (rs.next()) {
                long limit = rs.getLong(3);
                Long size = rs.wasNull() ? null : limit;
                java.sql.Array mimes = rs.getArray(4);
                out.put(rs.getString(1), new Bucket(rs.getString(1), rs.getBoolean(2), size, mimes == null ? List.of() : strings(mimes)));
            }
        }
        return out;
    }

    public Optional<Bucket> bucket(String id) {
        return Optional.ofNullable(buckets.get(id));
    }

    /**
     * Enums, domains, ranges and extension types (citext, vector, ...) outside pg_catalog. A bare name
     * prefers public, then extensions, then the first schema in name order.
     */
    private static Map<String, String> userTypes(Statement st) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("select n.nspname, t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace "
                + "where t.typtype in ('b','d','e','r','m') and t.typrelid = 0 and t.typname !~ '^_' and n.nspname not in ('pg_catalog','information_schema','pg_toast') "
                + "and n.nspname not like 'pg_%' order by case n.nspname when 'public' then 0 when 'extensions' then 1 else 2 end, 1, 2")) {
            while (rs.next()) {
                QualifiedName q = new QualifiedName(rs.getString(1), rs.getString(2));
                if (!q.name().matches("[a-z_][a-z0-9_]*") || !q.schema().matches("[a-z_][a-z0-9_]*")) continue;
                // Supabase's own types (auth.factor_status...) only by their qualified name
                if (q.schema().equals("extensions") || !dev.pgpilot.core.catalog.ManagedSchemas.contains(q.schema())) m.putIfAbsent(q.name(), q.sql());
                m.put(q.display(), q.sql());
            }
        }
        return m;
    }

    /** The SQL of a type outside pg_catalog by bare or qualified name (an enum, a domain, citext, vector ...). */
    public Optional<String> findType(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(types.get(word.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Bare names of the types outside pg_catalog, for "did you mean". */
    public Set<String> typeNames() {
        Set<String> out = new TreeSet<>();
        for (String k : types.keySet()) if (!k.contains(".")) out.add(k);
        return out;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    public Map<String, Table> tables() {
        return tables;
    }

    public boolean hasFunction(String qualified) {
        return functions.contains(qualified);
    }

    /** Table by name: "schema.table" or a bare name in public, singular or plural ("order" finds orders). */
    public Optional<Table> findTable(String word) {
        if (word == null || word.isBlank()) return Optional.empty();
        String w = word.toLowerCase(java.util.Locale.ROOT);
        if (w.contains(".")) return Optional.ofNullable(tables.get(w));
        for (String v : Inflect.variants(w)) {
            Table t = tables.get("public." + v);
            if (t != null) return Optional.of(t);
        }
        return Optional.empty();
    }

    public Table table(String word) {
        return findTable(word).orElseThrow(() -> PilotException.refused("unknown table: " + Sql.oneLine(word),
                Suggest.hint(bare(word), publicTableNames(), "tables")));
    }

    public Column column(Table t, String col) {
        return t.column(col).orElseThrow(() -> PilotException.refused("unknown column " + Sql.oneLine(col) + " in table " + t.name().display(),
                Suggest.hint(col, t.columns().keySet(), "columns of " + t.name().name())));
    }

    public List<String> publicTableNames() {
        return tables.values().stream().filter(t -> t.name().schema().equals("public")).map(t -> t.name().name()).toList();
    }

    public Optional<EnumType> findEnum(String word) {
        if (word == null) return Optional.empty();
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(enums.get(w.contains(".") ? w : "public." + w));
    }

    /** The enum a column type names, as the catalog or a request spells it ("order_status", "public.order_status", "\"public\".\"order_status\""). */
    public Optional<EnumType> enumBySql(String type) {
        if (type == null) return Optional.empty();
        for (EnumType e : enums.values()) {
            if (type.equals(e.name().sql()) || type.equals(e.name().display()) || type.equals(e.name().name())) return Optional.of(e);
        }
        return Optional.empty();
    }

    public List<String> enumNames() {
        return enums.values().stream().map(e -> e.name().name()).toList();
    }

    public Optional<Index> findIndex(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (Table t : tables.values()) {
            for (Index i : t.indexes()) {
                if (i.name().name().equals(w) || i.name().display().equals(w)) return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public List<String> indexNames() {
        return tables.values().stream().filter(t -> t.name().schema().equals("public"))
                .flatMap(t -> t.indexes().stream()).map(i -> i.name().name()).toList();
    }

    private static String bare(String w) {
        int dot = w.lastIndexOf('.');
        return dot < 0 ? w : w.substring(dot + 1);
    }
}
