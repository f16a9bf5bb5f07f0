package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Map;

/**
 * A column default written in a request, rendered as SQL built from known parts only: a quoted
 * string, a number, true/false, null, a function from an allow-list (now(), auth.uid(),
 * gen_random_uuid() ...), or "an empty object/array". Nothing the user typed is pasted as SQL.
 */
final class DefaultValue {
    /** @param length how many tokens the value took */
    record Match(String sql, int length) {}

    /** Functions a default may call, by the words people write for them. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("now", "now()"), Map.entry("current_timestamp", "now()"), Map.entry("today", "current_date"),
            Map.entry("current_date", "current_date"), Map.entry("clock_timestamp", "clock_timestamp()"),
            Map.entry("auth.uid", "auth.uid()"), Map.entry("gen_random_uuid", "gen_random_uuid()"), Map.entry("uuid_generate_v4", "gen_random_uuid()"),
            Map.entry("auth.jwt", "auth.jwt()"), Map.entry("current_user", "current_user"));

    private DefaultValue() {}

    /** The default value starting at token {@code i}; {@code type} is the column's type when known (may be null). */
    static Match at(List<Tok> toks, int i, String type) {
        Tok t = toks.get(i);
        if (t.kind() == Kind.QUOTED) {
            if (i + 3 < toks.size() && toks.get(i + 1).is(":") && toks.get(i + 2).is(":")) {
                // '{}'::jsonb: the literal, cast to a type word we know
                String cast = TypeWords.of(toks.get(i + 3).text()).orElseThrow(() -> refuse(toks.get(i + 3)));
                return new Match(Quote.literal(t.text()) + "::" + cast, 4);
            }
            return new Match(Quote.literal(t.text()), 1);
        }
        if (t.kind() == Kind.NUMBER) return new Match(t.text(), 1);
        if (t.is("-") && i + 1 < toks.size() && toks.get(i + 1).kind() == Kind.NUMBER) return new Match("-" + toks.get(i + 1).text(), 2);
        if (t.is("-")) throw PilotException.refused("write negative defaults as a number, e.g. default -1", null);
        if (t.word() && FUNCTIONS.containsKey(t.text())) {
            int len = i + 2 < toks.size() && toks.get(i + 1).is("(") && toks.get(i + 2).is(")") ? 3 : 1;
            return new Match(FUNCTIONS.get(t.text()), len);
        }
        int user = signedInUser(toks, i);
        if (user > 0) {
            if (type != null && !type.equals("uuid")) throw PilotException.refused("the signed-in user's id is a uuid, not " + type, "give the column type uuid");
            return new Match("auth.uid()", user);
        }
        if (t.is("empty") || t.is("an", "a") && i + 1 < toks.size() && toks.get(i + 1).is("empty")) {
            return empty(toks, i, type);
        }
        return switch (t.text()) {
            case "true", "yes", "on" -> new Match("true", 1);
            case "false", "no", "off" -> new Match("false", 1);
            case "null", "nothing" -> new Match("null", 1);
            case "zero" -> new Match("0", 1);
            default -> {
                if (t.word() && t.text().matches("[a-z_][a-z0-9_]*")) yield new Match(Quote.literal(t.raw()), 1);
                throw PilotException.refused("not a default value: " + t.raw(), "quote text values, e.g. default 'open'");
            }
        };
    }

    /**
     * "the current user", "the signed-in user", "the logged in user": in Supabase the id of who is
     * signed in, auth.uid(). How many tokens the phrase takes at {@code i}, 0 when it is not there.
     */
    private static int signedInUser(List<Tok> toks, int i) {
        int j = i < toks.size() && toks.get(i).is("the") && toks.get(i).kind() == Kind.WORD ? i + 1 : i;
        if (j < toks.size() && toks.get(j).is("current", "signed-in", "logged-in")) j++;
        else if (j + 1 < toks.size() && toks.get(j).is("signed", "logged") && toks.get(j + 1).is("in")) j += 2;
        else return 0;
        return j < toks.size() && toks.get(j).is("user") && toks.get(j).kind() == Kind.WORD ? j + 1 - i : 0;
    }

    /** "empty", "an empty jsonb object", "empty array", "empty string": the empty value of the column's type. */
    private static Match empty(List<Tok> toks, int start, String type) {
        int j = toks.get(start).is("empty") ? start + 1 : start + 2;
        while (j < toks.size() && toks.get(j).is("json", "jsonb")) j++;
        String what = j < toks.size() ? toks.get(j).text() : "";
        int len = j - start;
        switch (what) {
            case "object", "map" -> { return new Match("'{}'::jsonb", len + 1); }
            case "array", "list" -> {
                if (type != null && type.endsWith("[]")) return new Match("'{}'", len + 1);
                return new Match("'[]'::jsonb", len + 1);
            }
            case "string", "text" -> { return new Match("''", len + 1); }
            default -> {
                if (type == null || type.equals("text") || type.startsWith("varchar")) return new Match("''", len);
                if (type.equals("jsonb") || type.equals("json")) return new Match("'{}'::jsonb", len);
                if (type.endsWith("[]")) return new Match("'{}'", len);
                throw PilotException.refused("\"empty\" is not a value of type " + type, "give the default explicitly");
            }
        }
    }

    /**
     * The type a default says its column holds, when no type was named: auth.uid() is a uuid,
     * now() a timestamptz, false a boolean, 3 an integer. Empty for a text literal or null, which
     * say nothing the column's name does not.
     */
    static java.util.Optional<String> typeOf(String sql) {
        String t = switch (sql) {
            case "auth.uid()", "gen_random_uuid()" -> "uuid";
            case "now()", "clock_timestamp()" -> "timestamptz";
            case "current_date" -> "date";
            case "true", "false" -> "boolean";
            case "auth.jwt()" -> "jsonb";
            default -> sql.matches("-?\\d{1,9}") ? "integer" : sql.matches("-?\\d+") ? "bigint" : sql.matches("-?\\d+\\.\\d+") ? "numeric"
                    : sql.matches("'(?:[^']|'')*'::[a-z0-9_ ()\\[\\],]+") ? sql.substring(sql.lastIndexOf("::") + 2) : null;
        };
        return java.util.Optional.ofNullable(t);
    }

    /** Refuses a quoted default on a column of a number or boolean type. */
    static String fits(String literal, String type) {
        if (!literal.startsWith("'") || literal.contains("::")) return literal;
        if (type != null && (type.equals("boolean") || type.startsWith("int") || type.startsWith("numeric") || type.equals("bigint")
                || type.equals("smallint") || type.equals("real") || type.equals("double precision"))) {
            throw PilotException.refused("default " + literal + " does not fit type " + type, "use a value of the column's type");
        }
        return literal;
    }

    private static PilotException refuse(Tok t) {
        return PilotException.refused("not a type to cast a default to: " + t.raw(), "e.g. default '{}'::jsonb");
    }
}
