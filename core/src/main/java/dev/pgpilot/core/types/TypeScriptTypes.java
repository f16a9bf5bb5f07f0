package dev.pgpilot.core.types;

import dev.pgpilot.core.catalog.TypeCatalog;
import dev.pgpilot.core.types.Callables.Callable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link TypeCatalog} as the {@code Database} type supabase-js expects, in the shape
 * {@code supabase gen types typescript} (postgres-meta) prints: {@code __InternalSupabase} with the
 * PostgREST version, per schema Tables (Row with computed fields / Insert / Update /
 * Relationships), Views (Insert and Update when updatable), Functions (Args / Returns /
 * SetofOptions), Enums and CompositeTypes, then the {@code Tables<>}, {@code TablesInsert<>},
 * {@code TablesUpdate<>}, {@code Enums<>} and {@code CompositeTypes<>} helpers (a name in the
 * default schema, or {@code { schema }} and a name) and the {@code Constants} object of enum labels.
 * Columns, arguments and objects are listed by name, as postgres-meta lists them.
 */
public final class TypeScriptTypes {
    private static final String NEVER = "[_ in never]: never";
    /** The PostgREST major Supabase runs: supabase-js 2.5x reads it to offer PostgREST 13's methods (maxAffected...). */
    static final String POSTGREST_VERSION = "13";

    private final TypeCatalog catalog;
    private final TsTypes ts;
    private final StringBuilder b = new StringBuilder();

    private TypeScriptTypes(TypeCatalog catalog) {
        this.catalog = catalog;
        this.ts = new TsTypes(catalog);
    }

    public static String render(TypeCatalog catalog) {
        return new TypeScriptTypes(catalog).render();
    }

    private String render() {
        b.append("export type Json =\n  | string\n  | number\n  | boolean\n  | null\n  | { [key: string]: Json | undefined }\n  | Json[]\n\n");
        b.append("export type Database = {\n");
        b.append("  // read by createClient<Database>() to pick the PostgREST version's client methods\n");
        b.append("  __InternalSupabase: {\n    PostgrestVersion: ").append(TsTypes.string(POSTGREST_VERSION)).append("\n  }\n");
        for (Map.Entry<String, TypeCatalog.SchemaTypes> e : catalog.schemas().entrySet()) {
            b.append("  ").append(TsTypes.key(e.getKey())).append(": {\n");
            schema(e.getKey(), e.getValue());
            b.append("  }\n");
        }
        b.append("}\n\n");
        String defaultSchema = catalog.schemas().containsKey("public") ? "public" : catalog.schemas().keySet().iterator().next();
        b.append(Helpers.text(defaultSchema));
        constants();
        return b.toString();
    }

    private void schema(String schema, TypeCatalog.SchemaTypes s) {
        List<Callable> callable = Callables.of(s);
        b.append("    Tables: {\n");
        List<TypeCatalog.Relation> tables = s.relations().values().stream().filter(r -> !r.view()).toList();
        if (tables.isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (TypeCatalog.Relation t : tables) {
            b.append("      ").append(TsTypes.key(t.name())).append(": {\n");
            row(schema, t, callable);
            writable(schema, t, "Insert", false);
            writable(schema, t, "Update", false);
            relationships(schema, t);
            b.append("      }\n");
        }
        b.append("    }\n    Views: {\n");
        List<TypeCatalog.Relation> views = s.relations().values().stream().filter(TypeCatalog.Relation::view).toList();
        if (views.isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (TypeCatalog.Relation v : views) {
            b.append("      ").append(TsTypes.key(v.name())).append(": {\n");
            row(schema, v, callable);
            if (v.updatable()) {
                writable(schema, v, "Insert", true);
                writable(schema, v, "Update", true);
            }
            relationships(schema, v);
            b.append("      }\n");
        }
        b.append("    }\n    Functions: {\n");
        if (callable.isEmpty()) b.append("      ").append(NEVER).append('\n');
        Map<String, List<Callable>> byName = new java.util.TreeMap<>(callable.stream().collect(Collectors.groupingBy(c -> c.fn().name())));
        for (Map.Entry<String, List<Callable>> f : byName.entrySet()) {
            List<Callable> overloads = f.getValue().stream()
                    .sorted(Comparator.comparing((Callable c) -> c.fn().identityArgs()).thenComparing(c -> c.fn().returns().name())).toList();
            if (overloads.size() == 1) {
                b.append("      ").append(TsTypes.key(f.getKey())).append(": ");
                signature(schema, overloads.get(0), "      ", null);
            } else {
                b.append("      ").append(TsTypes.key(f.getKey())).append(":\n");
                for (Callable c : overloads) {
                    b.append("        | ");
                    signature(schema, c, "          ", Callables.ambiguity(schema, c, overloads));
                }
            }
        }
        b.append("    }\n    Enums: {\n");
        if (s.enums().isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (Map.Entry<String, List<String>> e : s.enums().entrySet()) {
            b.append("      ").append(TsTypes.key(e.getKey())).append(": ").append(TsTypes.union(e.getValue())).append('\n');
        }
        b.append("    }\n    CompositeTypes: {\n");
        if (s.composites().isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (Map.Entry<String, List<TypeCatalog.Column>> c : s.composites().entrySet()) {
            b.append("      ").append(TsTypes.key(c.getKey())).append(": {\n");
            // A composite's fields can always be null in PostgreSQL.
            for (TypeCatalog.Column col : byName(c.getValue())) {
                b.append("        ").append(TsTypes.key(col.name())).append(": ").append(TsTypes.orNull(ts.type(schema, col.type()), true)).append('\n');
            }
            b.append("      }\n");
        }
        b.append("    }\n");
    }

    private void row(String schema, TypeCatalog.Relation r, List<Callable> callable) {
        b.append("        Row: {\n");
        for (TypeCatalog.Column c : byName(r.columns())) {
            b.append("          ").append(TsTypes.key(c.name())).append(": ").append(ts.column(schema, c)).append('\n');
        }
        // Computed fields: a function of this relation's row, selectable like a column.
        for (Callable c : callable) {
            if (c.fn().identityArgs().equals(r.name())) {
                b.append("          ").append(TsTypes.key(c.fn().name())).append(": ").append(TsTypes.orNull(returnType(schema, c.fn(), "          "), true)).append('\n');
            }
        }
        b.append("        }\n");
    }

    /** Insert or Update of a table, or of an updatable view (every column optional and nullable there). */
    private void writable(String schema, TypeCatalog.Relation r, String which, boolean view) {
        b.append("        ").append(which).append(": {\n");
        for (TypeCatalog.Column c : byName(r.columns())) {
            b.append("          ").append(TsTypes.key(c.name()));
            if (view ? !c.updatable() : c.identityAlways() || c.generated()) {
                b.append("?: never\n"); // the server refuses values for these
            } else if (view) {
                b.append("?: ").append(TsTypes.orNull(ts.type(schema, c.type()), true)).append('\n');
            } else {
                boolean optional = which.equals("Update") || c.nullable() || c.hasDefault() || c.identity();
                b.append(optional ? "?: " : ": ").append(ts.column(schema, c)).append('\n');
            }
        }
        b.append("        }\n");
    }

    /** Only relationships into the same schema: PostgREST embeds within one schema. */
    private void relationships(String schema, TypeCatalog.Relation r) {
        List<TypeCatalog.ForeignKey> fks = r.foreignKeys().stream().filter(f -> f.referencedSchema().equals(schema)).toList();
        if (fks.isEmpty()) {
            b.append("        Relationships: []\n");
            return;
        }
        b.append("        Relationships: [\n");
        for (TypeCatalog.ForeignKey fk : fks) {
            b.append("          {\n")
                    .append("            foreignKeyName: ").append(TsTypes.string(fk.name())).append('\n')
                    .append("            columns: ").append(TsTypes.list(fk.columns())).append('\n')
                    .append("            isOneToOne: ").append(fk.oneToOne()).append('\n')
                    .append("            referencedRelation: ").append(TsTypes.string(fk.referencedRelation())).append('\n')
                    .append("            referencedColumns: ").append(TsTypes.list(fk.referencedColumns())).append('\n')
                    .append("          },\n");
        }
        b.append("        ]\n");
    }

    /** @param ambiguity why PostgREST cannot call it ({@link Callables#ambiguity}), or null */
    private void signature(String schema, Callable c, String indent, String ambiguity) {
        TypeCatalog.Function f = c.fn();
        b.append("{\n").append(indent).append("  Args: ");
        if (c.inArgs().isEmpty()) {
            b.append("never\n");
        } else {
            b.append("{\n");
            for (TypeCatalog.Arg a : c.inArgs()) {
                b.append(indent).append("    ").append(TsTypes.key(a.name())).append(a.hasDefault() ? "?: " : ": ").append(ts.type(schema, a.type())).append('\n');
            }
            b.append(indent).append("  }\n");
        }
        boolean rowArg = c.inArgs().size() == 1 && c.inArgs().get(0).name().isEmpty() && Callables.isRow(c.inArgs().get(0).type());
        String returnsTable = Callables.isRow(f.returns()) ? f.returns().name() : null;
        if (ambiguity != null) {
            b.append(indent).append("  Returns: { error: true } & ").append(TsTypes.string(ambiguity)).append('\n');
        } else if (rowArg && returnsTable == null) {
            // a computed field: selected with its table, not called on its own
            b.append(indent).append("  Returns: { error: true } & ")
                    .append(TsTypes.string("the function " + schema + "." + f.name() + " takes a row of " + c.inArgs().get(0).type().name()
                            + ": select it as a column of that table instead of calling it"))
                    .append('\n');
        } else {
            boolean manyRows = f.rows() > 1;
            // ROWS 1 makes a set-returning function one row only where SetofOptions tells supabase-js so
            boolean oneRow = f.returnsSet() && !manyRows && returnsTable != null;
            b.append(indent).append("  Returns: ").append(returnType(schema, f, indent + "  "))
                    .append(f.returnsSet() && !oneRow ? "[]" : "").append('\n');
            if (returnsTable != null) {
                String from = rowArg ? c.inArgs().get(0).type().name() : "*";
                boolean oneToOne = rowArg && !f.returnsSet() || !manyRows;
                b.append(indent).append("  SetofOptions: {\n")
                        .append(indent).append("    from: ").append(TsTypes.string(from)).append('\n')
                        .append(indent).append("    to: ").append(TsTypes.string(returnsTable)).append('\n')
                        .append(indent).append("    isOneToOne: ").append(oneToOne).append('\n')
                        .append(indent).append("    isSetofReturn: ").append(f.returnsSet()).append('\n')
                        .append(indent).append("  }\n");
            }
        }
        b.append(indent).append("}\n");
    }

    /** RETURNS TABLE columns, a relation of the same schema's row written out, or the mapped type. */
    private String returnType(String schema, TypeCatalog.Function f, String indent) {
        if (!f.columns().isEmpty()) {
            return object(f.columns().stream().sorted(Comparator.comparing(TypeCatalog.Arg::name))
                    .map(a -> TsTypes.key(a.name()) + ": " + ts.type(schema, a.type())).toList(), indent);
        }
        TypeCatalog.PgType t = f.returns();
        TypeCatalog.SchemaTypes own = catalog.schemas().get(schema);
        if (Callables.isRow(t) && t.schema().equals(schema) && own.relations().containsKey(t.name())) {
            return object(byName(own.relations().get(t.name()).columns()).stream()
                    .map(c -> TsTypes.key(c.name()) + ": " + ts.column(schema, c)).toList(), indent);
        }
        return ts.type(schema, t);
    }

    private static String object(List<String> members, String indent) {
        StringBuilder o = new StringBuilder("{\n");
        members.forEach(m -> o.append(indent).append("  ").append(m).append('\n'));
        return o.append(indent).append('}').toString();
    }

    private void constants() {
        b.append("\nexport const Constants = {\n");
        for (Map.Entry<String, TypeCatalog.SchemaTypes> e : catalog.schemas().entrySet()) {
            b.append("  ").append(TsTypes.key(e.getKey())).append(": {\n");
            if (e.getValue().enums().isEmpty()) {
                b.append("    Enums: {},\n");
            } else {
                b.append("    Enums: {\n");
                e.getValue().enums().forEach((name, labels) -> b.append("      ").append(TsTypes.key(name)).append(": ").append(TsTypes.list(labels)).append(",\n"));
                b.append("    },\n");
            }
            b.append("  },\n");
        }
        b.append("} as const\n");
    }

    private static List<TypeCatalog.Column> byName(List<TypeCatalog.Column> columns) {
        return columns.stream().sorted(Comparator.comparing(TypeCatalog.Column::name)).toList();
    }

}
