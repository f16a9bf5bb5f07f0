package dev.pgpilot.core.request;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Everyday type words to PostgreSQL types. Only types produced here (or read from the catalog) reach SQL. */
final class TypeWords {
    private TypeWords() {}

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("text", "text"), Map.entry("string", "text"), Map.entry("str", "text"), Map.entry("varchar", "text"),
            Map.entry("int", "integer"), Map.entry("integer", "integer"), Map.entry("int4", "integer"), Map.entry("number", "integer"),
            Map.entry("bigint", "bigint"), Map.entry("int8", "bigint"), Map.entry("long", "bigint"), Map.entry("smallint", "smallint"),
            Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"), Map.entry("money", "numeric(12,2)"), Map.entry("currency", "numeric(12,2)"),
            Map.entry("float", "double precision"), Map.entry("double", "double precision"), Map.entry("real", "real"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"), Map.entry("flag", "boolean"), Map.entry("checkbox", "boolean"),
            Map.entry("date", "date"), Map.entry("time", "time"), Map.entry("timestamp", "timestamptz"), Map.entry("timestamptz", "timestamptz"),
            Map.entry("datetime", "timestamptz"), Map.entry("uuid", "uuid"), Map.entry("guid", "uuid"),
            Map.entry("json", "json"), Map.entry("jsonb", "jsonb"), Map.entry("bytea", "bytea"),
            Map.entry("inet", "inet"), Map.entry("interval", "interval"));

    /** Type words from other databases: named as a column's type they are refused, not taken as part of its name. */
    static final java.util.Set<String> UNSUPPORTED = java.util.Set.of("blob", "clob", "varchar2", "nvarchar", "nchar", "tinyint", "mediumint",
            "mediumtext", "longtext", "tinytext", "datetime2", "binary", "varbinary", "struct", "map", "object", "dict", "dictionary",
            "double_precision", "hash", "enum", "tuple");

    private static final Pattern SIZED = Pattern.compile("^(varchar|string|char|character|numeric|decimal)\\((\\d+)(?:,(\\d+))?\\)$");

    /** The PostgreSQL type for one word ("numeric(5,2)", "text[]", "money"), if it is a type word. */
    static Optional<String> of(String word) {
        boolean array = word.endsWith("[]");
        String w = array ? word.substring(0, word.length() - 2) : word;
        String base = WORDS.get(w);
        if (base == null) {
            Matcher m = SIZED.matcher(w);
            if (!m.matches()) return Optional.empty();
            int p = Integer.parseInt(m.group(2));
            if (p < 1 || p > 10485760) return Optional.empty();
            base = switch (m.group(1)) {
                case "varchar", "string" -> "varchar(" + p + ")";
                case "char", "character" -> "char(" + p + ")";
                default -> m.group(3) == null ? "numeric(" + p + ")" : "numeric(" + p + "," + Integer.parseInt(m.group(3)) + ")";
            };
        }
        return Optional.of(array ? base + "[]" : base);
    }

    static boolean isTypeWord(String word) {
        return of(word).isPresent();
    }

    /** A sensible type from a column name when none is given: *_at timestamptz, is_* boolean, ... */
    static String fromName(String name) {
        if (name.endsWith("_at")) return "timestamptz";
        if (name.endsWith("_on") || name.endsWith("_date") || name.equals("date") || name.equals("birthday")) return "date";
        if (name.startsWith("is_") || name.startsWith("has_") || name.startsWith("can_")) return "boolean";
        if (name.endsWith("_id") || Vocabulary.OWNER_ID_NAMES.contains(name)) return "uuid";
        if (name.endsWith("_count") || name.equals("quantity") || name.equals("position") || name.equals("priority") || name.equals("age")) return "integer";
        if (name.equals("price") || name.equals("amount") || name.equals("total") || name.endsWith("_price") || name.endsWith("_amount")) return "numeric(12,2)";
        if (name.equals("metadata") || name.equals("settings") || name.equals("data")) return "jsonb";
        return "text";
    }
}
