package dev.pgpilot.core.types;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a {@link TypeCatalog} as the {@code Database} type supabase-js expects, in the shape
 * {@code supabase gen types typescript} prints: per schema Tables (Row / Insert / Update /
 * Relationships), Views, Functions (Args / Returns), Enums and CompositeTypes, plus the
 * {@code Tables<>}, {@code TablesInsert<>}, {@code TablesUpdate<>} and {@code Enums<>} helpers for public.
 */
public final class TypeScriptTypes {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final String NEVER = "[_ in never]: never";

    private TypeScriptTypes() {}

    public static String render(TypeCatalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append("export type Json =\n  | string\n  | number\n  | boolean\n  | null\n  | { [key: string]: Json | undefined }\n  | Json[]\n\n");
        b.append("export type Database = {\n");
        for (Map.Entry<String, TypeCatalog.SchemaTypes> e : catalog.schemas().entrySet()) {
            b.append("  ").append(key(e.getKey())).append(": {\n");
            schema(b, e.getValue());
            b.append("  }\n");
        }
        b.append("}\n\n");
        b.append("""
                type PublicSchema = Database["public"]

                export type Tables<T extends keyof (PublicSchema["Tables"] & PublicSchema["Views"])> =
                  (PublicSchema["Tables"] & PublicSchema["Views"])[T] extends { Row: infer R } ? R : never

                export type TablesInsert<T extends keyof PublicSchema["Tables"]> =
                  PublicSchema["Tables"][T] extends { Insert: infer I } ? I : never

                export type TablesUpdate<T extends keyof PublicSchema["Tables"]> =
                  PublicSchema["Tables"][T] extends { Update: infer U } ? U : never

                export type Enums<T extends keyof PublicSchema["Enums"]> = PublicSchema["Enums"][T]
                """);
        return b.toString();
    }

    private static void schema(StringBuilder b, TypeCatalog.SchemaTypes s) {
        b.append("    Tables: {\n");
        List<TypeCatalog.Relation> tables = s.relations().values().stream().filter(r -> !r.view()).toList();
        if (tables.isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (TypeCatalog.Relation t : tables) {
            b.append("      ").append(key(t.name())).append(": {\n");
            b.append("        Row: {\n");
            for (TypeCatalog.Column c : t.columns()) b.append("          ").append(key(c.name())).append(": ").append(columnType(c)).append('\n');
            b.append("        }\n        Insert: {\n");
            for (TypeCatalog.Column c : t.columns()) {
                b.append("          ").append(key(c.name()));
                if (c.generated() || c.identityAlways()) {
                    b.append("?: never\n"); // the server refuses values for these
                } else {
                    boolean optional = c.nullable() || c.hasDefault() || c.identity();
                    b.append(optional ? "?: " : ": ").append(columnType(c)).append('\n');
                }
            }
            b.append("        }\n        Update: {\n");
            for (TypeCatalog.Column c : t.columns()) {
                b.append("          ").append(key(c.name())).append(c.generated() || c.identityAlways() ? "?: never" : "?: " + columnType(c)).append('\n');
            }
            b.append("        }\n");
            relationships(b, t);
            b.append("      }\n");
        }
        b.append("    }\n    Views: {\n");
        List<TypeCatalog.Relation> views = s.relations().values().stream().filter(TypeCatalog.Relation::view).toList();
        if (views.isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (TypeCatalog.Relation v : views) {
            b.append("      ").append(key(v.name())).append(": {\n        Row: {\n");
            for (TypeCatalog.Column c : v.columns()) b.append("          ").append(key(c.name())).append(": ").append(columnType(c)).append('\n');
            b.append("        }\n");
            relationships(b, v);
            b.append("      }\n");
        }
        b.append("    }\n    Functions: {\n");
        if (s.functions().isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (Map.Entry<String, List<TypeCatalog.Function>> f : s.functions().entrySet()) {
            b.append("      ").append(key(f.getKey())).append(": ");
            b.append(f.getValue().stream().map(TypeScriptTypes::function).collect(Collectors.joining(" | ")));
            b.append('\n');
        }
        b.append("    }\n    Enums: {\n");
        if (s.enums().isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (Map.Entry<String, List<String>> e : s.enums().entrySet()) {
            b.append("      ").append(key(e.getKey())).append(": ")
                    .append(e.getValue().stream().map(TypeScriptTypes::string).collect(Collectors.joining(" | "))).append('\n');
        }
        b.append("    }\n    CompositeTypes: {\n");
        if (s.composites().isEmpty()) b.append("      ").append(NEVER).append('\n');
        for (Map.Entry<String, List<TypeCatalog.Column>> c : s.composites().entrySet()) {
            b.append("      ").append(key(c.getKey())).append(": {\n");
            // Composite fields can always be null in PostgreSQL.
            for (TypeCatalog.Column col : c.getValue()) b.append("        ").append(key(col.name())).append(": ").append(tsType(col.type())).append(" | null\n");
            b.append("      }\n");
        }
        b.append("    }\n");
    }

    private static void relationships(StringBuilder b, TypeCatalog.Relation r) {
        if (r.foreignKeys().isEmpty()) {
            b.append("        Relationships: []\n");
            return;
        }
        b.append("        Relationships: [\n");
        for (TypeCatalog.ForeignKey fk : r.foreignKeys()) {
            b.append("          {\n")
                    .append("            foreignKeyName: ").append(string(fk.name())).append('\n')
                    .append("            columns: [").append(fk.columns().stream().map(TypeScriptTypes::string).collect(Collectors.joining(", "))).append("]\n")
                    .append("            isOneToOne: ").append(fk.oneToOne()).append('\n')
                    .append("            referencedRelation: ").append(string(fk.referencedRelation())).append('\n')
                    .append("            referencedColumns: [").append(fk.referencedColumns().stream().map(TypeScriptTypes::string).collect(Collectors.joining(", "))).append("]\n")
                    .append("          },\n");
        }
        b.append("        ]\n");
    }

    private static String function(TypeCatalog.Function f) {
        StringBuilder b = new StringBuilder("{ Args: ");
        List<TypeCatalog.Arg> named = f.args().stream().filter(a -> !a.name().isEmpty()).toList();
        if (named.isEmpty()) {
            b.append("Record<PropertyKey, never>");
        } else {
            b.append("{ ").append(named.stream().map(a -> key(a.name()) + (a.hasDefault() ? "?: " : ": ") + tsType(a.type()))
                    .collect(Collectors.joining("; "))).append(" }");
        }
        String ret = tsType(f.returns());
        if ("record".equals(f.returns().name()) && !f.columns().isEmpty() && f.columns().stream().noneMatch(a -> a.name().isEmpty())) {
            // RETURNS TABLE (...) / OUT parameters: PostgREST returns objects with those keys.
            ret = "{ " + f.columns().stream().map(a -> key(a.name()) + ": " + tsType(a.type())).collect(Collectors.joining("; ")) + " }";
        }
        if (f.returnsSet()) {
            ret = "(" + ret + ")[]";
        }
        return b.append("; Returns: ").append(ret).append(" }").toString();
    }

    private static String columnType(TypeCatalog.Column c) {
        String t = tsType(c.type());
        return c.nullable() ? t + " | null" : t;
    }

    /** PostgreSQL type to TypeScript, as supabase-js sees values over PostgREST (JSON). */
    static String tsType(TypeCatalog.PgType t) {
        String base;
        if (t.kind() == 'e') {
            base = "Database[" + string(t.schema()) + "][\"Enums\"][" + string(t.name()) + "]";
        } else if (t.kind() == 'T' || t.kind() == 'V') {
            base = "Database[" + string(t.schema()) + "][" + (t.kind() == 'T' ? "\"Tables\"" : "\"Views\"") + "][" + string(t.name()) + "][\"Row\"]";
        } else if (t.kind() == 'c') {
            base = "Database[" + string(t.schema()) + "][\"CompositeTypes\"][" + string(t.name()) + "]";
        } else {
            base = switch (t.name()) {
                case "bool" -> "boolean";
                case "int2", "int4", "int8", "float4", "float8", "numeric", "oid", "money" -> "number";
                case "json", "jsonb" -> "Json";
                case "text", "varchar", "bpchar", "char", "name", "citext", "uuid", "date", "time", "timetz", "timestamp",
                        "timestamptz", "interval", "bytea", "inet", "cidr", "macaddr", "macaddr8", "tsvector", "tsquery", "xml",
                        "bit", "varbit", "point", "geometry", "geography" -> "string";
                case "void" -> "undefined";
                case "record" -> "Record<string, unknown>";
                default -> "unknown";
            };
        }
        if (t.array()) {
            return (base.contains(" ") ? "(" + base + ")" : base) + "[]";
        }
        return base;
    }

    private static String key(String name) {
        return PLAIN_KEY.matcher(name).matches() ? name : string(name);
    }

    private static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
