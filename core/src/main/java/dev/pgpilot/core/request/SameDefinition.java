package dev.pgpilot.core.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a request asks for with what PostgreSQL shows back for an existing object
 * (format_type, pg_get_expr, pg_get_constraintdef), which spells the same thing differently:
 * {@code timestamptz} is {@code timestamp with time zone}, {@code 'open'} is {@code 'open'::text},
 * {@code (select auth.uid())} is {@code ( SELECT auth.uid() AS uid)}.
 */
final class SameDefinition {
    private static final Map<String, String> TYPE_ALIASES = Map.ofEntries(
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("bool", "boolean"), Map.entry("decimal", "numeric"),
            Map.entry("varchar", "character varying"), Map.entry("char", "character"));
    private static final Pattern CAST = Pattern.compile("::[a-z_][a-z0-9_. ]*(\\[\\])?(\\(\\d+(,\\d+)?\\))?");
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern ALIAS_IN_SELECT = Pattern.compile("\\bas [a-z_][a-z0-9_]*\\)");

    private SameDefinition() {}

    static String type(String t) {
        String s = t.toLowerCase(Locale.ROOT).replace("\"", "").replaceFirst("^public\\.", "").strip();
        String array = s.endsWith("[]") ? "[]" : "";
        s = s.substring(0, s.length() - array.length());
        String mod = "";
        int paren = s.indexOf('(');
        if (paren > 0) { mod = s.substring(paren).replace(" ", ""); s = s.substring(0, paren).strip(); }
        return TYPE_ALIASES.getOrDefault(s, s) + mod + array;
    }

    /**
     * An expression with casts, quoting of names, the public schema, PostgreSQL's select aliases,
     * parentheses and spaces taken out. Only the generator's own expressions are compared this way
     * (comparisons, and, in, exists), where dropping parentheses cannot join two different meanings.
     */
    static String expression(String sql) {
        if (sql == null) return "";
        // quoted values keep their case and spaces; everything between them is normalized
        StringBuilder out = new StringBuilder();
        Matcher m = LITERAL.matcher(sql);
        int at = 0;
        while (m.find()) {
            out.append(code(sql.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return out.append(code(sql.substring(at))).toString().replaceFirst("^check", "");
    }

    private static String code(String part) {
        String s = CAST.matcher(part.replace("\"", "").toLowerCase(Locale.ROOT)).replaceAll("");
        s = ALIAS_IN_SELECT.matcher(s).replaceAll(")");
        return s.replaceAll("\\bpublic\\.", "").replaceAll("[\\s()]", "");
    }

    /** What differs between an existing column and the one requested, in words ("type integer, not text"); empty when the same. */
    static List<String> column(Catalog.Table t, Catalog.Column have, ColumnDef want) {
        List<String> diffs = new ArrayList<>();
        if (!type(have.type()).equals(type(want.type()))) diffs.add("type " + have.type() + ", not " + want.type());
        if (have.notNull() != want.notNull()) diffs.add(have.notNull() ? "not null" : "nullable");
        String hd = have.identity() != null ? "identity" : have.defaultSql();
        if (!expression(hd).equals(expression(want.defaultSql()))) diffs.add(hd == null ? "no default" : "default " + hd);
        if (want.references() != null) {
            boolean linked = t.constraints().stream().anyMatch(c -> c.type().equals("f") && c.columns().equals(List.of(have.name()))
                    && want.references().table().equals(c.references()));
            if (!linked) diffs.add("no foreign key to " + want.references().table().display());
        }
        if (want.unique() && !uniqueOn(t, List.of(have.name()))) diffs.add("not unique");
        return diffs;
    }

    /** True when a unique index or constraint covers exactly these columns (with no WHERE). */
    static boolean uniqueOn(Catalog.Table t, List<String> columns) {
        return t.indexes().stream().anyMatch(i -> i.columns().equals(columns) && i.definition().startsWith("CREATE UNIQUE") && !i.definition().contains(" WHERE "));
    }

    /** What differs between an existing policy and the requested one; empty when the same. */
    static List<String> policy(Catalog.Policy have, ChangeRequest.CreatePolicy want) {
        List<String> diffs = new ArrayList<>();
        if (!have.command().equals(want.command())) diffs.add("it is for " + have.command() + ", not " + want.command());
        if (have.permissive() == want.restrictive()) diffs.add("it is " + (have.permissive() ? "permissive" : "restrictive"));
        if (!have.roles().equals(want.roles().stream().sorted().toList())) diffs.add("it is to " + String.join(", ", have.roles()) + ", not " + String.join(", ", want.roles()));
        if (!expression(have.using()).equals(expression(want.using()))) diffs.add("using (" + have.using() + "), not (" + want.using() + ")");
        if (!expression(have.withCheck()).equals(expression(want.withCheck()))) diffs.add("with check (" + have.withCheck() + "), not (" + want.withCheck() + ")");
        return diffs;
    }
}
