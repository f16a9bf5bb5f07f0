package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;

/**
 * A purpose clause at the end of a request ("... for soft deletes", "... so that we can sort",
 * "... because support asks for it") says why, not what: it is set aside before the request is
 * read, so its words neither change the migration nor count as words not understood. A clause
 * that names anything the target has (a table, a column, a type) or carries a value is part of the
 * request, not a reason, and stays; so does one with a word that says what to do ("for anon users",
 * "for a new bucket", "for unique emails": {@link MeaningWords#saysWhat}).
 */
final class Rationale {
    private Rationale() {}

    /** The request's tokens without a trailing purpose clause. */
    static List<Tok> strip(List<Tok> toks, Catalog catalog) {
        for (int i = 1; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.kind() != Kind.WORD) continue;
            boolean opens = t.is("because", "since") || t.is("so") && i + 1 < toks.size() && toks.get(i + 1).is("that", "we", "i", "users", "it", "they", "people", "the", "you")
                    || t.is("in") && i + 2 < toks.size() && toks.get(i + 1).is("order") && toks.get(i + 2).is("to")
                    || t.is("for") && !mentions(toks.subList(0, i), "bucket") && purpose(toks, i);
            if (opens && i < toks.size() - 1 && plain(toks.subList(i + 1, toks.size()), catalog)) return toks.subList(0, i);
        }
        return toks;
    }

    /** Nouns that hold what follows them: "a place for notes" names the column, it gives no reason. */
    private static final java.util.Set<String> CONTAINERS = java.util.Set.of("place", "spot", "slot", "room", "space", "somewhere",
            "column", "columns", "field", "fields", "way", "something", "thing", "table", "index");

    /**
     * "for" opens a reason when what follows reads as a purpose: a phrase of two words or more
     * ("for soft deletes") or one that names an activity ("for auditing", "for compliance"). One
     * plain noun ("for ghosts", "for notes") may be a table or a column, so it is never set aside.
     */
    private static boolean purpose(List<Tok> toks, int at) {
        if (CONTAINERS.contains(toks.get(at - 1).text())) return false;
        // "unique for each seller", "for every course": a scope, not a reason
        if (at + 1 < toks.size() && toks.get(at + 1).is("each", "every", "all", "any")) return false;
        int words = toks.size() - at - 1;
        if (words >= 2) return true;
        String w = toks.get(toks.size() - 1).text();
        return words == 1 && (w.endsWith("ing") || w.endsWith("ion") || w.endsWith("ness") || w.endsWith("ity"));
    }

    /** True when no word of the clause names something in the catalog and it carries no value. */
    static boolean plain(List<Tok> clause, Catalog catalog) {
        for (Tok t : clause) {
            if (t.kind() == Kind.QUOTED || t.kind() == Kind.NUMBER) return false;
            if (t.kind() != Kind.WORD) continue;
            String w = t.text();
            if (w.contains(".") || w.contains("_") || MeaningWords.saysWhat(w)) return false;
            if (catalog.findTable(w).isPresent() || catalog.findEnum(w).isPresent() || catalog.findType(w).isPresent()) return false;
            // "seller" names seller_id as much as "seller_id" does
            if (catalog.tables().values().stream().anyMatch(tb -> tb.name().schema().equals("public")
                    && (tb.columns().containsKey(w) || tb.columns().containsKey(w + "_id") || tb.columns().containsKey(Inflect.singular(w) + "_id")))) return false;
            if (TypeWords.isTypeWord(w) && !w.equals("number") && !w.equals("date") && !w.equals("time")) return false;
        }
        return true;
    }

    private static boolean mentions(List<Tok> toks, String word) {
        return toks.stream().anyMatch(t -> t.kind() == Kind.WORD && t.is(word));
    }
}
