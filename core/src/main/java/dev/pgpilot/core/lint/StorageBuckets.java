package dev.pgpilot.core.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Supabase storage statements from normalized text: which buckets an INSERT or UPDATE on
 * {@code storage.buckets} makes public (or private), and which bucket a SELECT policy on
 * {@code storage.objects} opens to everyone (no condition but the bucket id).
 */
public final class StorageBuckets {
    private StorageBuckets() {}

    public static final String OBJECTS = "storage.objects";
    /** The bucket of a policy whose condition is just {@code true}: every bucket. */
    public static final String EVERY_BUCKET = "*";

    private static final Pattern INSERT = StatementText.p("^INSERT\\s+INTO\\s+(" + StatementText.NAME + ")\\s*(?:AS\\s+" + StatementText.IDENT + "\\s*)?\\(");
    private static final Pattern VALUES = StatementText.p("^\\s*VALUES\\s*\\(");
    private static final Pattern UPDATE = StatementText.p("^UPDATE\\s+(?:ONLY\\s+)?(" + StatementText.NAME + ")\\s+(?:AS\\s+)?(?:" + StatementText.IDENT + "\\s+)?SET\\s+(.*)$");
    private static final Pattern SET_PUBLIC = StatementText.p("(?:^|,)\\s*(?:PUBLIC|\"public\")\\s*=\\s*([^,]+?)\\s*(?=,|\\bWHERE\\b|$)");
    private static final Pattern WHERE_ID = StatementText.p("\\bWHERE\\s+\\(?\\s*(?:ID|NAME)\\s*=\\s*" + StatementText.LITERAL);
    private static final Pattern TRUE = StatementText.p("^\\(?\\s*(?:TRUE|'(?:TRUE|true|T|t|ON|on|1)')(?:\\s*::\\s*BOOL(?:EAN)?)?\\s*\\)?$");
    private static final Pattern BUCKET_ONLY = StatementText.p("^(?:\\(\\s*+)*+(?:(?:" + StatementText.IDENT + ")\\s*\\.\\s*)?BUCKET_ID(?:\\s*::\\s*TEXT)?\\s*=\\s*" + StatementText.LITERAL + "(?:\\s*::\\s*TEXT)?(?:\\s*+\\))*+$");
    private static final Pattern BUCKET_ONLY_REVERSED = StatementText.p("^(?:\\(\\s*+)*+" + StatementText.LITERAL + "(?:\\s*::\\s*TEXT)?\\s*=\\s*(?:(?:" + StatementText.IDENT + ")\\s*\\.\\s*)?BUCKET_ID(?:\\s*::\\s*TEXT)?(?:\\s*+\\))*+$");

    /** Bucket id to its new {@code public} flag, for an INSERT INTO / UPDATE of storage.buckets; empty for anything else. */
    public static Map<String, Boolean> publicFlags(String norm) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (norm.startsWith("INSERT")) {
            Matcher m = INSERT.matcher(norm);
            if (!m.lookingAt() || !StatementText.qualified(m.group(1)).equals("storage.buckets")) return out;
            int open = m.end() - 1;
            List<String> cols = StatementText.columnList(StatementText.parenBody(norm, open));
            int id = cols.indexOf("id") >= 0 ? cols.indexOf("id") : cols.indexOf("name");
            int pub = cols.indexOf("public");
            int pos = StatementText.matching(norm, open) + 1;
            if (id < 0 || pos <= 0) return out;
            Matcher v = VALUES.matcher(norm.substring(pos));
            if (!v.lookingAt()) return out;
            pos += v.end() - 1;
            while (pos < norm.length() && norm.charAt(pos) == '(') {
                String row = StatementText.parenBody(norm, pos);
                if (row == null) break;
                List<String> values = StatementText.splitTopLevel(row, ',');
                if (values.size() == cols.size()) {
                    out.put(literal(values.get(id)), pub >= 0 && TRUE.matcher(values.get(pub)).matches());
                }
                pos = StatementText.matching(norm, pos) + 1;
                while (pos < norm.length() && (norm.charAt(pos) == ',' || norm.charAt(pos) == ' ')) pos++;
            }
        } else if (norm.startsWith("UPDATE")) {
            Matcher m = UPDATE.matcher(norm);
            if (!m.lookingAt() || !StatementText.qualified(m.group(1)).equals("storage.buckets")) return out;
            Matcher set = SET_PUBLIC.matcher(m.group(2));
            Matcher where = WHERE_ID.matcher(m.group(2));
            if (set.find() && where.find()) out.put(where.group(1).replace("''", "'"), TRUE.matcher(set.group(1)).matches());
        }
        return out;
    }

    /** The bucket a permissive SELECT (or ALL) policy on storage.objects opens with no other condition, or null. */
    public static String broadBucket(SchemaModel.Policy p) {
        if (!p.permissive() || !(p.command().equals("SELECT") || p.command().equals("ALL")) || p.using() == null) return null;
        if (p.roles().equals(List.of("service_role"))) return null;
        String using = p.using().trim();
        if (TRUE.matcher(using).matches()) return EVERY_BUCKET;
        Matcher b = BUCKET_ONLY.matcher(using);
        if (b.matches()) return b.group(1).replace("''", "'");
        b = BUCKET_ONLY_REVERSED.matcher(using);
        return b.matches() ? b.group(1).replace("''", "'") : null;
    }

    private static String literal(String value) {
        String v = value.trim();
        int cast = v.indexOf("::");
        if (cast > 0) v = v.substring(0, cast).trim();
        return v.startsWith("'") && v.endsWith("'") && v.length() >= 2 ? v.substring(1, v.length() - 1).replace("''", "'") : v;
    }
}
