package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table named before a colon as the topic of what follows: "workouts: add duration_seconds int",
 * "api keys: add scopes text[]", or a sentence about that table saying why ("offers should expire:
 * add expires_at timestamptz"). What follows the colon is read as changes to that table; the
 * sentence's own words are a reason, like {@link Rationale}'s, and are set aside only when they
 * name nothing in the catalog and ask for nothing themselves (no change word, no policy verb, no
 * negation), so a lead-in that is a request of its own is never dropped.
 */
record TopicPrefix(Catalog.Table table, int rest) {
    /** Words a lead-in may not have: they would ask for something the changes after the colon do not carry. */
    private static final Set<String> ASKS = Set.of("not", "never", "no", "only", "cannot", "nobody", "everyone", "anyone", "unique", "required");
    private static final Set<String> MODALS = Set.of("should", "must", "need", "needs", "can", "will", "want", "wants");

    /** The topic of {@code toks}, when it starts with one ("<table>[ <modal> <reason>]: ..."). */
    static Optional<TopicPrefix> of(List<Tok> toks, Catalog catalog) {
        int colon = -1;
        for (int i = 1; i < toks.size() - 1; i++) {
            if (toks.get(i).kind() == Kind.SYMBOL && toks.get(i).is(":")) { colon = i; break; }
        }
        if (colon < 0 || toks.get(colon + 1).is("comment", "describe", "document")) return Optional.empty();
        int modal = colon;
        for (int i = 1; i < colon; i++) if (toks.get(i).word() && MODALS.contains(toks.get(i).text())) { modal = i; break; }
        Optional<Catalog.Table> table = named(toks.subList(0, modal), catalog);
        if (table.isEmpty() || !reason(toks.subList(modal, colon), catalog)) return Optional.empty();
        return Optional.of(new TopicPrefix(table.get(), colon + 1));
    }

    /** "workouts", "the api keys", "api_keys": one to three words that, joined with _, name a table. */
    private static Optional<Catalog.Table> named(List<Tok> words, Catalog catalog) {
        List<Tok> w = !words.isEmpty() && words.get(0).is("the") ? words.subList(1, words.size()) : words;
        if (w.isEmpty() || w.size() > 3 || w.stream().anyMatch(t -> !t.word() || t.text().contains("."))) return Optional.empty();
        return catalog.findTable(String.join("_", w.stream().map(Tok::text).toList())).filter(t -> t.name().schema().equals("public"));
    }

    /** True when the words between the table and the colon only say why: plain words, nothing asked. */
    private static boolean reason(List<Tok> words, Catalog catalog) {
        for (Tok t : words) {
            if (t.kind() != Kind.WORD) return false;
            if (ASKS.contains(t.text()) || Vocabulary.SCHEMA_WORDS.contains(t.text()) || Clauses.policyVerb(t.text())) return false;
        }
        return words.isEmpty() || Rationale.plain(words.subList(1, words.size()), catalog);
    }
}
