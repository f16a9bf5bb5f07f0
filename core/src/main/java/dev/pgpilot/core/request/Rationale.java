package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A reason in a request says why, not what: "... for soft deletes", "... so that we can sort",
 * "... because support asks for it", "..., we track that elsewhere now", "..., it was imported
 * once and is not used", or first: "we don't use tasks.legacy_ref anymore, drop it". It is set aside
 * before the request is read, so its words neither change the migration nor count as words not
 * understood, and the plan says it was read as the reason. A clause stays part of the request when
 * it names anything the target has (a table, a column, a type) other than what the change itself
 * names, carries a value, has a word that says what to do ("for anon users", "for a new bucket":
 * {@link MeaningWords#saysWhat}), or a change verb of its own ("..., and drop it", "..., also add ...").
 */
final class Rationale {
    private Rationale() {}

    /** The request's tokens to read, and the reason set aside (empty when there is none). */
    record Split(List<Tok> kept, List<Tok> reason) {}

    /** Verbs that ask for a change wherever they stand: a clause holding one is a request, never a reason. */
    private static final Set<String> CHANGE_VERBS = Set.of("add", "create", "drop", "remove", "delete", "rename", "index", "make", "set",
            "change", "alter", "convert", "switch", "require", "enable", "disable", "introduce", "include", "link", "connect", "attach",
            "define", "build", "turn", "put", "give", "let", "also", "default", "defaults", "unique", "null", "nulls", "nullable", "optional",
            "required", "mandatory", "empty", "blank", "indexed", "references", "cascade", "rls", "policy", "trigger", "comment");
    /** Words that open a reason after a comma: a sentence about what is ("..., we track that elsewhere now"). */
    private static final Set<String> SUBJECTS = Set.of("we", "it", "its", "they", "this", "that", "as", "which", "nobody", "i");
    /** A sentence after a comma that says what must or may be ("..., it should not be null") is a request. */
    private static final Set<String> MODALS = Set.of("must", "should", "shall", "can", "cannot", "may", "might", "need", "needs", "want", "wants", "has", "have");
    /** Negation in a sentence about what is ("it is not used", "we no longer need it") says why; elsewhere it says what. */
    private static final Set<String> NEGATION = Set.of("not", "no", "never", "nobody", "longer", "anymore");

    /** The request's tokens without a purpose clause. */
    static List<Tok> strip(List<Tok> toks, Catalog catalog) {
        return split(toks, catalog).kept();
    }

    static Split split(List<Tok> toks, Catalog catalog) {
        Optional<Split> first = reasonFirst(toks, catalog);
        if (first.isPresent()) return first.get();
        for (int i = 1; i < toks.size() - 1; i++) {
            Tok t = toks.get(i);
            List<Tok> rest = toks.subList(i + 1, toks.size());
            Set<String> named = tablesNamed(toks.subList(0, i), catalog);
            if (t.kind() == Kind.SYMBOL && t.is(",") && rest.get(0).word() && SUBJECTS.contains(rest.get(0).text())
                    && rest.stream().noneMatch(w -> w.word() && MODALS.contains(w.text())) && reason(rest, catalog, named, true)) {
                return new Split(toks.subList(0, i), rest);
            }
            if (t.kind() != Kind.WORD) continue;
            boolean sentence = t.is("because", "since") || t.is("so") && toks.get(i + 1).is("that", "we", "i", "users", "it", "they", "people", "the", "you")
                    || t.is("in") && i + 2 < toks.size() && toks.get(i + 1).is("order") && toks.get(i + 2).is("to");
            // "for soft delete" is a noun phrase: its "delete" names a purpose, it asks for no drop
            boolean forPurpose = t.is("for") && !mentions(toks.subList(0, i), "bucket") && purpose(toks, i);
            if (sentence && reason(rest, catalog, named, false) || forPurpose && plain(rest, catalog, named, false, false)) {
                int end = i > 1 && toks.get(i - 1).is(",") ? i - 1 : i;
                return new Split(toks.subList(0, end), toks.subList(i, toks.size()));
            }
        }
        return new Split(toks, List.of());
    }

    /**
     * "we don't use tasks.legacy_ref anymore, drop it": a sentence naming one table or column, a
     * comma, and a change of "it" — the change on what the sentence names, the sentence its reason.
     */
    private static Optional<Split> reasonFirst(List<Tok> toks, Catalog catalog) {
        int comma = -1;
        for (int i = 2; i < toks.size() - 1; i++) if (toks.get(i).kind() == Kind.SYMBOL && toks.get(i).is(",")) { comma = i; break; }
        if (comma < 0 || !toks.get(0).word() || !toks.get(0).is("we", "i", "nobody", "no", "they")) return Optional.empty();
        List<Tok> lead = toks.subList(0, comma);
        List<Tok> change = toks.subList(comma + 1, toks.size());
        if (!change.get(0).word() || !CHANGE_VERBS.contains(change.get(0).text()) || change.stream().noneMatch(Rationale::pronoun)) return Optional.empty();
        List<Tok> objects = lead.stream().filter(t -> t.word() && names(t.text(), catalog)).toList();
        if (objects.size() != 1) return Optional.empty();
        Tok object = objects.get(0);
        List<Tok> others = lead.stream().filter(t -> t != object).toList();
        if (!reason(others, catalog, Set.of(), true)) return Optional.empty();
        List<Tok> kept = new ArrayList<>();
        for (Tok t : change) kept.add(pronoun(t) ? object : t);
        return Optional.of(new Split(kept, lead));
    }

    private static boolean pronoun(Tok t) {
        return t.word() && t.is("it", "them");
    }

    /** A public table by name, or table.column of one. */
    private static boolean names(String w, Catalog catalog) {
        int dot = w.indexOf('.');
        if (dot > 0) return catalog.findTable(w.substring(0, dot)).map(t -> t.columns().containsKey(w.substring(dot + 1))).orElse(false);
        return catalog.findTable(w).filter(t -> t.name().schema().equals("public")).isPresent();
    }

    /** The tables the words before a reason name ("jobs", "tasks.notes"): the reason may name them again ("for when the job is signed off"). */
    private static Set<String> tablesNamed(List<Tok> words, Catalog catalog) {
        Set<String> out = new HashSet<>();
        for (Tok t : words) {
            if (!t.word()) continue;
            int dot = t.text().indexOf('.');
            catalog.findTable(dot > 0 ? t.text().substring(0, dot) : t.text()).ifPresent(tb -> out.add(tb.name().display()));
        }
        return out;
    }

    /** Nouns that hold what follows them: "a place for notes" names the column, it gives no reason. */
    private static final Set<String> CONTAINERS = Set.of("place", "spot", "slot", "room", "space", "somewhere",
            "column", "columns", "field", "fields", "way", "something", "thing", "table", "index");

    /**
     * "for" opens a reason when what follows reads as a purpose: a phrase of two words or more
     * ("for soft deletes") or one that names an activity ("for auditing", "for compliance"). One
     * plain noun ("for ghosts", "for notes") may be a table or a column, so it is never set aside.
     */
    private static boolean purpose(List<Tok> toks, int at) {
        if (CONTAINERS.contains(toks.get(at - 1).text())) return false;
        // "index bookings by session only for confirmed ones": which rows, not why
        if (toks.get(at - 1).is("only")) return false;
        // "unique for each seller", "for every course": a scope, not a reason
        if (at + 1 < toks.size() && toks.get(at + 1).is("each", "every", "all", "any")) return false;
        int words = toks.size() - at - 1;
        if (words >= 2) return true;
        String w = toks.get(toks.size() - 1).text();
        return words == 1 && (w.endsWith("ing") || w.endsWith("ion") || w.endsWith("ness") || w.endsWith("ity"));
    }

    /** True when no word of the clause names something in the catalog and it carries no value (a lead-in before a colon: {@link TopicPrefix}). */
    static boolean plain(List<Tok> clause, Catalog catalog) {
        return plain(clause, catalog, Set.of(), false, false);
    }

    /** A reason: plain, and no change verb of its own. */
    private static boolean reason(List<Tok> clause, Catalog catalog, Set<String> named, boolean sentence) {
        return plain(clause, catalog, named, sentence, true);
    }

    /**
     * @param named tables the change names: the clause may name them again
     * @param sentence a sentence about what is, where negation says why ("it is not used")
     * @param verbs true when a change verb makes the clause a request
     */
    private static boolean plain(List<Tok> clause, Catalog catalog, Set<String> named, boolean sentence, boolean verbs) {
        for (Tok t : clause) {
            if (t.kind() == Kind.QUOTED || t.kind() == Kind.NUMBER) return false;
            if (t.kind() != Kind.WORD) continue;
            String w = t.text();
            if (sentence && NEGATION.contains(w)) continue;
            if (w.contains(".") || w.contains("_") || MeaningWords.saysWhat(w) || verbs && CHANGE_VERBS.contains(w)) return false;
            Optional<Catalog.Table> table = catalog.findTable(w);
            if (table.isPresent() && named.contains(table.get().name().display())) continue;
            if (table.isPresent() || catalog.findEnum(w).isPresent() || catalog.findType(w).isPresent()) return false;
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
