package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.catalog.LiveCatalog;
import dev.pgpilot.core.catalog.ManagedSchemas;
import java.sql.Connection;
import java.sql.SQLException;
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
    /** SECURITY DEFINER boolean functions of one argument, which {@link MembershipCheck} may reuse. */
    private List<LiveCatalog.DefinerCheck> definerChecks = List.of();

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
        Catalog after = new Catalog(newTables, newEnums, newFunctions, t);
        after.definerChecks = definerChecks;
        return after;
    }

    List<LiveCatalog.DefinerCheck> definerChecks() {
        return definerChecks;
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

    /** Reads the tables of the project's schemas and of those open to its policies (public, auth, storage, realtime ...). */
    public static Catalog load(Connection c) {
        try {
            return of(LiveCatalog.read(c));
        } catch (SQLException e) {
            throw PilotException.error("cannot read the database catalog: " + Quote.oneLine(e.getMessage()), "check the database URL and permissions");
        }
    }

    /** The planner's view of one catalog read. */
    static Catalog of(LiveCatalog live) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (LiveCatalog.Table t : live.tables()) {
            QualifiedName name = new QualifiedName(t.schema(), t.name());
            Map<String, Column> columns = new LinkedHashMap<>();
            for (LiveCatalog.Column c : t.columns()) columns.put(c.name(), new Column(c.name(), c.type(), c.notNull(), c.defaultSql(), c.identity()));
            tables.put(name.display(), new Table(name, columns,
                    t.indexes().stream().map(i -> new Index(new QualifiedName(i.schema(), i.name()), i.definition(), i.columns(), i.constraint())).toList(),
                    t.constraints().stream().map(x -> new Constraint(x.name(), x.type(), x.definition(), x.columns(),
                            x.refTable() == null ? null : new QualifiedName(x.refSchema(), x.refTable()))).toList(),
                    t.rls(), t.comment(),
                    t.policies().stream().map(p -> new Policy(p.name(), p.command(), p.permissive(), p.roles(), p.using(), p.withCheck())).toList(),
                    t.triggers().stream().map(x -> new Trigger(x.name(), x.definition())).toList()));
        }
        Map<String, EnumType> enums = new LinkedHashMap<>();
        for (LiveCatalog.EnumType e : live.enums()) {
            QualifiedName q = new QualifiedName(e.schema(), e.name());
            enums.put(q.display(), new EnumType(q, e.values()));
        }
        Catalog catalog = new Catalog(tables, enums, live.functions(), userTypes(live.types()));
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        for (LiveCatalog.Bucket b : live.buckets()) buckets.put(b.id(), new Bucket(b.id(), b.isPublic(), b.sizeLimit(), b.mimeTypes()));
        catalog.buckets = buckets;
        catalog.definerChecks = live.definerChecks();
        return catalog;
    }

    public Optional<Bucket> bucket(String id) {
        return Optional.ofNullable(buckets.get(id));
    }

    public java.util.Set<String> bucketIds() {
        return buckets.keySet();
    }

    /**
     * Enums, domains, ranges and extension types (citext, vector, ...) outside pg_catalog. A bare name
     * prefers public, then extensions, then the first schema in name order (the order they are read in).
     */
    private static Map<String, String> userTypes(List<LiveCatalog.TypeName> read) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LiveCatalog.TypeName t : read) {
            QualifiedName q = new QualifiedName(t.schema(), t.name());
            if (!q.name().matches("[a-z_][a-z0-9_]*") || !q.schema().matches("[a-z_][a-z0-9_]*")) continue;
            // Supabase's own types (auth.factor_status...) only by their qualified name
            if (q.schema().equals("extensions") || !ManagedSchemas.contains(q.schema())) m.putIfAbsent(q.name(), q.sql());
            m.put(q.display(), q.sql());
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
        return findTable(word).orElseThrow(() -> PilotException.refused("unknown table: " + Quote.oneLine(word),
                Suggest.hint(bare(word), publicTableNames(), "tables")));
    }

    public Column column(Table t, String col) {
        return t.column(col).orElseThrow(() -> PilotException.refused("unknown column " + Quote.oneLine(col) + " in table " + t.name().display(),
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
