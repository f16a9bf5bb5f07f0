package dev.pgpilot.core.types;

import dev.pgpilot.core.catalog.TypeCatalog;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL types as TypeScript spells them for supabase-js, and TypeScript's spelling of keys,
 * strings and lists. Needs the catalog: whether a type's schema is generated decides between a
 * reference into {@code Database} and a spelled-out union (enums) or {@code unknown}.
 */
final class TsTypes {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private final TypeCatalog catalog;

    TsTypes(TypeCatalog catalog) {
        this.catalog = catalog;
    }

    /** A column's type, {@code | null} when it is nullable. */
    String column(String schema, TypeCatalog.Column c) {
        return orNull(type(schema, c.type()), c.nullable());
    }

    /** {@code unknown} already admits null. */
    static String orNull(String t, boolean nullable) {
        return nullable && !t.equals("unknown") ? t + " | null" : t;
    }

    /**
     * PostgreSQL type to TypeScript, as supabase-js sees values over PostgREST (JSON). A type of a
     * schema that is not generated cannot be referred to: an enum is spelled out, the rest is unknown.
     */
    String type(String schema, TypeCatalog.PgType t) {
        String base;
        boolean exposed = catalog.schemas().containsKey(t.schema());
        if (t.kind() == 'e') {
            base = exposed ? "Database[" + string(t.schema()) + "][\"Enums\"][" + string(t.name()) + "]"
                    : union(catalog.allEnums().getOrDefault(t.schema() + "." + t.name(), List.of()));
        } else if (t.kind() == 'T' || t.kind() == 'V' || t.kind() == 'c') {
            String section = t.kind() == 'T' ? "Tables" : t.kind() == 'V' ? "Views" : "CompositeTypes";
            base = !exposed ? "unknown"
                    : "Database[" + string(t.schema()) + "][" + string(section) + "][" + string(t.name()) + "]" + (t.kind() == 'c' ? "" : "[\"Row\"]");
        } else {
            base = switch (t.name()) {
                case "bool" -> "boolean";
                case "int2", "int4", "int8", "float4", "float8", "numeric" -> "number";
                case "json", "jsonb" -> "Json";
                // PostgREST sends money and oid as strings ("$1.00", "16384"), as it does every other text form below
                case "text", "varchar", "bpchar", "char", "name", "citext", "uuid", "date", "time", "timetz", "timestamp",
                        "timestamptz", "interval", "bytea", "inet", "cidr", "macaddr", "macaddr8", "tsvector", "tsquery", "xml",
                        "bit", "varbit", "point", "geometry", "geography", "money", "oid", "vector" -> "string";
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

    static String union(List<String> labels) {
        return labels.isEmpty() ? "never" : labels.stream().map(TsTypes::string).collect(Collectors.joining(" | "));
    }

    static String list(List<String> values) {
        return "[" + values.stream().map(TsTypes::string).collect(Collectors.joining(", ")) + "]";
    }

    static String key(String name) {
        return PLAIN_KEY.matcher(name).matches() ? name : string(name);
    }

    static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
