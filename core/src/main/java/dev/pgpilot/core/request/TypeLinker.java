package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links the type words of a request to a type the target knows: everyday words ("money", "flag"),
 * real PostgreSQL names and aliases (float8, int8, timestamptz, varchar(20), numeric(12,2), text[],
 * "double precision"), and the catalog's own types (enums, domains, citext, vector ...). A type word
 * the target does not have is refused by name, never replaced by text.
 */
final class TypeLinker {
    /** @param length how many tokens the type took ("double precision" is two) */
    record Match(String sql, int length) {}

    /** pg_catalog types people name in a column description; internal ones (oid, name, regclass ...) are not types to guess. */
    private static final Set<String> BUILT_IN = Set.of("text", "integer", "bigint", "smallint", "numeric", "real", "double precision", "boolean",
            "date", "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "bytea", "inet", "cidr", "macaddr",
            "macaddr8", "tsvector", "tsquery", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle", "bit", "varbit",
            "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange");

    /** PostgreSQL's own aliases, spelled as pg_catalog spells them. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("int2", "smallint"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bool", "boolean"), Map.entry("serial4", "integer"), Map.entry("varchar", "text"),
            Map.entry("character", "char(1)"), Map.entry("char", "char(1)"), Map.entry("decimal", "numeric"), Map.entry("timestamptz", "timestamptz"));

    /** Names that need an extension: refused with that hint when the target does not have it. */
    private static final Map<String, String> EXTENSION_TYPES = Map.of("citext", "citext", "vector", "vector", "halfvec", "vector",
            "hstore", "hstore", "ltree", "ltree", "geometry", "postgis", "geography", "postgis");

    private static final Pattern SIZED = Pattern.compile("^([a-z_][a-z0-9_]*)\\((\\d+)(?:,(\\d+))?\\)$");

    private final Catalog catalog;

    TypeLinker(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The type starting at token {@code i}, if one does. */
    Optional<Match> at(List<Tok> toks, int i) {
        Tok t = toks.get(i);
        if (!t.word()) return Optional.empty();
        if (next(toks, i + 1, "precision") && t.is("double")) return Optional.of(new Match("double precision", 2));
        if (t.is("timestamp", "time") && next(toks, i + 1, "with", "without") && next(toks, i + 2, "time") && next(toks, i + 3, "zone")) {
            boolean with = toks.get(i + 1).is("with");
            return Optional.of(new Match(t.is("time") ? (with ? "timetz" : "time") : (with ? "timestamptz" : "timestamp"), 4));
        }
        if (t.is("array", "list") && next(toks, i + 1, "of") && i + 2 < toks.size() && toks.get(i + 2).word()) {
            // "an array of text", "a list of uuids": the element type, as an array
            String inner = toks.get(i + 2).text();
            return word(Inflect.singular(inner)).or(() -> word(inner)).filter(x -> !x.endsWith("[]")).map(x -> new Match(x + "[]", 3));
        }
        if (t.is("character") && i + 1 < toks.size() && toks.get(i + 1).text().startsWith("varying")) {
            String rest = toks.get(i + 1).text().substring("varying".length());
            return word("varchar" + rest).map(s -> new Match(s, 2));
        }
        return word(t.text()).map(s -> new Match(s, 1));
    }

    /** The type for one word ("numeric(5,2)", "text[]", "float8", "task_status", "citext"), if it names one. */
    Optional<String> word(String word) {
        boolean array = word.endsWith("[]");
        String w = array ? word.substring(0, word.length() - 2) : word;
        Optional<String> base = sized(w).or(() -> plain(w));
        return base.map(b -> array ? b + "[]" : b);
    }

    private Optional<String> plain(String w) {
        Optional<String> everyday = TypeWords.of(w);
        if (everyday.isPresent()) return everyday;
        if (ALIASES.containsKey(w)) return Optional.of(ALIASES.get(w));
        Optional<String> own = catalog.findType(w);
        if (own.isPresent()) return own;
        if (BUILT_IN.contains(w)) return Optional.of(w);
        return Optional.empty();
    }

    private Optional<String> sized(String w) {
        Matcher m = SIZED.matcher(w);
        if (!m.matches()) return Optional.empty();
        long p = Long.parseLong(m.group(2));
        boolean scale = m.group(3) != null;
        String kind = m.group(1);
        if (p < 1 || p > 10485760) throw PilotException.refused("size out of range in type " + w, "e.g. varchar(200), numeric(12,2)");
        switch (kind) {
            case "varchar", "string":
                return scale ? Optional.empty() : Optional.of("varchar(" + p + ")");
            case "char", "character", "bpchar":
                return scale ? Optional.empty() : Optional.of("char(" + p + ")");
            case "numeric", "decimal":
                if (p > 1000 || scale && Long.parseLong(m.group(3)) > p) throw PilotException.refused("not a valid numeric size: " + w, "numeric(precision, scale), scale at most precision");
                return Optional.of(scale ? "numeric(" + p + "," + m.group(3) + ")" : "numeric(" + p + ")");
            case "timestamp", "timestamptz", "time", "timetz", "interval":
                if (scale || p > 6) return Optional.empty();
                return Optional.of(plain(kind).orElse(kind) + "(" + p + ")");
            case "bit", "varbit":
                return scale ? Optional.empty() : Optional.of(kind + "(" + p + ")");
            default:
                // extension types that take a size: vector(1536), halfvec(768)
                return scale ? Optional.empty() : catalog.findType(kind).map(s -> s + "(" + p + ")");
        }
    }

    /**
     * Refuses a word written where a type must be ("of type X", "as X") when it names no type the
     * target knows: an extension that is not installed, another database's type, or a typo.
     */
    PilotException unknown(String word) {
        String bare = word.replaceAll("\\[]$", "").replaceAll("\\(.*$", "");
        if (EXTENSION_TYPES.containsKey(bare)) {
            return PilotException.refused("type " + bare + " is not in the target database",
                    "enable the extension first (create extension " + EXTENSION_TYPES.get(bare) + "), then ask again");
        }
        if (TypeWords.UNSUPPORTED.contains(bare)) {
            return PilotException.refused("unknown type: " + bare + " (not a PostgreSQL type)", "use text, integer, bigint, numeric(p,s), boolean, date, timestamptz, uuid, jsonb, text[]");
        }
        Set<String> known = new TreeSet<>(BUILT_IN);
        known.addAll(catalog.typeNames());
        return PilotException.refused("unknown type: " + Quote.oneLine(word), Suggest.hint(bare, known, "types"));
    }

    /** True when the word is a type only an extension provides and the target lacks it. */
    boolean missingExtensionType(String word) {
        String bare = word.replaceAll("\\[]$", "").replaceAll("\\(.*$", "");
        return EXTENSION_TYPES.containsKey(bare) && word(word).isEmpty();
    }

    private static boolean next(List<Tok> toks, int i, String... words) {
        return i < toks.size() && toks.get(i).word() && toks.get(i).is(words);
    }
}
