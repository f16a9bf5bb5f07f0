package dev.pgpilot.core.catalog;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What type generation needs from a database, for the schemas the API exposes: tables and views
 * (columns with type, nullability, default/identity/generated, updatability), relationships
 * (foreign keys, and those a view inherits from the table columns it shows), enums, composite
 * types and functions. Enum labels are read for every schema, since an exposed column may use an
 * enum of a schema that is not exposed (auth's factor_status).
 *
 * @param schemas  the exposed schemas, by name
 * @param allEnums every enum's labels by "schema.name", exposed or not
 */
public record TypeCatalog(Map<String, SchemaTypes> schemas, Map<String, List<String>> allEnums) {

    /**
     * A PostgreSQL type reduced to what the TypeScript mapping needs; domains are resolved to their
     * base type. {@code kind} is pg_type.typtype, except a table's row type is 'T' and a view's 'V'.
     */
    public record PgType(String schema, String name, char kind, boolean array) {}

    /**
     * @param nullable   false for NOT NULL columns and for columns of a NOT NULL domain
     * @param updatable  for view columns: the view can write it through to its table
     */
    public record Column(String name, PgType type, boolean nullable, boolean hasDefault, boolean identityAlways,
                         boolean identity, boolean generated, boolean updatable) {}

    public record ForeignKey(String name, List<String> columns, boolean oneToOne, String referencedSchema, String referencedRelation,
                             List<String> referencedColumns) {}

    /** @param updatable a view PostgREST can update and delete through (auto-updatable or with rules/triggers) */
    public record Relation(String name, boolean view, boolean updatable, List<Column> columns, List<ForeignKey> foreignKeys) {}

    /** @param name empty for an unnamed parameter */
    public record Arg(String name, PgType type, boolean hasDefault) {}

    /**
     * @param columns     the TABLE parameters of a function declared {@code RETURNS TABLE (...)}
     * @param rows        the planner's row estimate (ROWS): 1 marks a set-returning function as one row
     * @param identityArgs pg_get_function_identity_arguments: a bare table name for a computed field
     */
    public record Function(String name, long oid, List<Arg> args, PgType returns, boolean returnsSet, List<Arg> columns,
                           double rows, String identityArgs) {}

    public record SchemaTypes(Map<String, Relation> relations, Map<String, List<String>> enums,
                              Map<String, List<Column>> composites, Map<String, List<Function>> functions) {}

    /** SQL that turns a type oid column into the four PgType columns (schema, name, kind, array), resolving domains. */
    private static String type(String oid, String p) {
        return """
                (select bn.nspname from pg_type t0 join pg_type b on b.oid = case when t0.typtype = 'd' then t0.typbasetype else t0.oid end
                   left join pg_type e on e.oid = b.typelem and b.typcategory = 'A'
                   join pg_namespace bn on bn.oid = coalesce(e.typnamespace, b.typnamespace) where t0.oid = %1$s) as %2$s_schema,
                (select coalesce(e.typname, b.typname) from pg_type t0 join pg_type b on b.oid = case when t0.typtype = 'd' then t0.typbasetype else t0.oid end
                   left join pg_type e on e.oid = b.typelem and b.typcategory = 'A' where t0.oid = %1$s) as %2$s_name,
                (select case when coalesce(e.typtype, b.typtype) = 'c'
                             then (select case when rc.relkind in ('r','p','f') then 'T' when rc.relkind in ('v','m') then 'V' else 'c' end
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

    /**
     * The schemas {@code supabase gen types} includes when none are named: the project's own and
     * graphql_public (PostgREST exposes it; supabase-js reaches pg_graphql through it).
     */
    public static List<String> defaultSchemas(DatabaseTarget target) {
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select nspname from pg_namespace n where " + ManagedSchemas.userSchema("n")
                     + " or nspname = 'graphql_public' order by 1")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            if (!out.contains("public")) out.add("public");
            return out;
        } catch (SQLException e) {
            throw PilotException.error("cannot read the schemas of " + target.display() + ": " + e.getMessage(), null);
        }
    }

    /**
     * The schemas {@code supabase gen types} covers for this project: public and the existing ones of
     * {@code [api] schemas} in {@code supabase/config.toml} ({@code apiSchemas}); {@link #defaultSchemas} when that is not set.
     */
    public static List<String> schemasFor(DatabaseTarget target, List<String> apiSchemas) {
        if (apiSchemas.isEmpty()) return defaultSchemas(target);
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(List.of("public"));
        wanted.addAll(apiSchemas);
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            java.util.Set<String> existing = LiveCatalog.schemaNames(s);
            // a schema listed for the API that no migration has created yet is not an error here, as for the CLI
            return wanted.stream().filter(existing::contains).toList();
        } catch (SQLException e) {
            throw PilotException.error("cannot read the schemas of " + target.display() + ": " + e.getMessage(), null);
        }
    }

    public static TypeCatalog read(DatabaseTarget target) {
        return read(target, defaultSchemas(target));
    }

    /** @param schemas the schemas to generate; one that does not exist is refused by name */
    public static TypeCatalog read(DatabaseTarget target, List<String> schemas) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            return read(s, schemas);
        } catch (SQLException e) {
            throw PilotException.error("cannot read types from " + target.display() + ": " + e.getMessage(), null);
        }
    }

    private static TypeCatalog read(Statement s, List<String> names) throws SQLException {
        String in = "(" + names.stream().map(n -> "'" + n.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
        String exposed = "%s.nspname in " + in;
        Map<String, SchemaTypes> schemas = new TreeMap<>();
        java.util.Set<String> existing = LiveCatalog.schemaNames(s);
        for (String n : names) if (existing.contains(n)) schemas.put(n, empty());
        for (String n : names) {
            if (!schemas.containsKey(n)) {
                throw PilotException.refused("no schema named '" + n + "' in the database", "name one of the schemas that exist (--schema public)");
            }
        }
        try (ResultSet rs = s.executeQuery("""
                select n.nspname, c.relname, c.relkind, a.attname,
                       not (a.attnotnull or t.typtype = 'd' and t.typnotnull) as nullable, a.atthasdef,
                       a.attidentity, a.attgenerated <> '' as generated,
                       c.relkind not in ('v','f') or pg_column_is_updatable(c.oid, a.attnum, false) as col_updatable,
                       c.relkind in ('v','f') and (pg_relation_is_updatable(c.oid, false) & 20) = 20 as rel_updatable, %s
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                join pg_type t on t.oid = a.atttypid
                where c.relkind in ('r','p','f','v','m','c') and %s
                order by n.nspname, c.relname, a.attnum""".formatted(type("a.atttypid", "t"), exposed.formatted("n")))) {
            while (rs.next()) {
                SchemaTypes st = schemas.get(rs.getString(1));
                String ident = rs.getString("attidentity");
                Column col = new Column(rs.getString("attname"), type(rs, "t"), rs.getBoolean("nullable"), rs.getBoolean("atthasdef"),
                        "a".equals(ident), ident != null && !ident.isEmpty(), rs.getBoolean("generated"), rs.getBoolean("col_updatable"));
                String kind = rs.getString("relkind");
                if (kind.equals("c")) {
                    st.composites().computeIfAbsent(rs.getString("relname"), k -> new ArrayList<>()).add(col);
                } else {
                    boolean view = kind.equals("v") || kind.equals("m");
                    boolean updatable = rs.getBoolean("rel_updatable") && !kind.equals("f");
                    st.relations().computeIfAbsent(rs.getString("relname"),
                            k -> new Relation(k, view, updatable, new ArrayList<>(), new ArrayList<>())).columns().add(col);
                }
            }
        }
        ViewRelationships.read(s, schemas, exposed);
        Map<String, List<String>> allEnums = new TreeMap<>();
        for (LiveCatalog.EnumType e : LiveCatalog.enums(s)) {
            if (e.values().isEmpty()) continue; // left out, as before: an enum without labels has no union to write
            allEnums.put(e.schema() + "." + e.name(), e.values());
            if (schemas.containsKey(e.schema())) schemas.get(e.schema()).enums().put(e.name(), e.values());
        }
        // Trigger functions cannot be called through the API; the Supabase CLI leaves them out too.
        try (ResultSet rs = s.executeQuery("""
                select n.nspname, p.proname, p.oid, p.proretset, p.prorows, pg_get_function_identity_arguments(p.oid) as identity_args, %s
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where p.prokind = 'f' and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype) and %s
                  and %s
                order by n.nspname, p.proname, p.oid""".formatted(type("p.prorettype", "r"), exposed.formatted("n"),
                ManagedSchemas.notFromExtension("pg_proc", "p.oid")))) {
            while (rs.next()) {
                schemas.get(rs.getString(1)).functions().computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new Function(rs.getString(2), rs.getLong("oid"), new ArrayList<>(), type(rs, "r"), rs.getBoolean("proretset"),
                                new ArrayList<>(), rs.getDouble("prorows"), rs.getString("identity_args")));
            }
        }
        // pronargdefaults counts the trailing defaults among the input parameters only, so the
        // position that decides "has a default" is the one among inputs, not among all parameters.
        try (ResultSet rs = s.executeQuery("""
                select n.nspname, p.proname, p.oid, coalesce(p.proargnames[a.i], '') as argname, coalesce(p.proargmodes[a.i], 'i') as mode,
                       p.pronargs, p.pronargdefaults, %s
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
                     unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(t, i)
                where p.prokind = 'f' and %s
                order by n.nspname, p.proname, p.oid, a.i""".formatted(type("a.t", "a"), exposed.formatted("n")))) {
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
                        if (mode.equals("t")) f.columns().add(arg);
                    }
                }
            }
        }
        return new TypeCatalog(schemas, allEnums);
    }

    private static SchemaTypes empty() {
        return new SchemaTypes(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }
}
