package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.ChangeRequest.SetDefault;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table named before a colon as the topic of what follows: "workouts: add duration_seconds int",
 * "api keys: add scopes text[]", or a lead-in sentence about that table restating the change
 * ("offers should expire: add expires_at timestamptz", "reviews should record who wrote them by
 * default: reviewer_id defaults to auth.uid()", "announcements can expire, add expires_at",
 * "comments should record when they were last edited (edited_at)": the name in parentheses). What
 * follows is read as changes to that table. The lead-in's words are accounted for by those changes
 * when they agree with them ({@link #check}: "by default" and a default, "an author column" and a
 * column owned by the current user, "when a student dropped" and dropped_at on the table whose
 * student it is); the rest must say only why, like {@link Rationale}'s reasons. A word of the
 * lead-in that asks for something the changes do not do is refused by name.
 *
 * @param rest where the changes start; @param end where they end (a name in parentheses ends before the ")")
 * @param lead the lead-in's words after the table's name (empty for a bare topic)
 * @param plainLead true when the lead-in says only why, whatever the changes are (no change word,
 *                  no policy verb, no negation, nothing named): the colon's topic as it always was
 * @param comma true when no colon ends the lead-in (a comma before a change verb, or a name in parentheses): the
 *              request is read as it always was when the topic reading fails
 */
record TopicPrefix(Catalog.Table table, int rest, int end, List<Tok> lead, boolean plainLead, boolean comma) {
    /** Words a lead-in may not have: they would ask for something the changes after the colon do not carry. */
    private static final Set<String> ASKS = Set.of("not", "never", "no", "only", "cannot", "nobody", "everyone", "anyone", "unique", "required");
    private static final Set<String> MODALS = Set.of("should", "must", "need", "needs", "can", "will", "want", "wants");
    /** Who owns a row: agrees with a column that defaults to the signed-in user. */
    private static final Set<String> OWNER_NOUNS = Set.of("author", "owner", "creator", "writer", "user", "who");

    /** The topic of {@code toks}, when it starts with one ("<table>[ <modal> <reason>]: ..." or "<table> <modal> <reason>, <change>"). */
    static Optional<TopicPrefix> of(List<Tok> toks, Catalog catalog) {
        int colon = -1;
        for (int i = 1; i < toks.size() - 1; i++) {
            if (toks.get(i).kind() == Kind.SYMBOL && toks.get(i).is(":")) { colon = i; break; }
        }
        boolean comma = false;
        int end = toks.size();
        if (colon < 0 && toks.size() > 4 && toks.get(toks.size() - 1).is(")") && toks.get(toks.size() - 3).is("(") && toks.get(toks.size() - 2).word()) {
            // "<table> should record when ... (edited_at)": the name in parentheses is the column the sentence describes
            colon = toks.size() - 3;
            end = toks.size() - 1;
            comma = true;
        }
        if (colon < 0) {
            for (int i = 2; i < toks.size() - 1; i++) {
                if (toks.get(i).kind() == Kind.SYMBOL && toks.get(i).is(",")) {
                    if (toks.get(i + 1).word() && Clauses.changeVerb(toks.get(i + 1).text())) { colon = i; comma = true; }
                    break;
                }
            }
        }
        if (colon < 0 || toks.get(colon + 1).is("comment", "describe", "document")) return Optional.empty();
        int modal = colon;
        for (int i = 1; i < colon; i++) if (toks.get(i).word() && MODALS.contains(toks.get(i).text())) { modal = i; break; }
        if (comma && modal == colon) return Optional.empty(); // "tasks, add ...": a list, not a lead-in
        Optional<Catalog.Table> table = named(toks.subList(0, modal), catalog);
        List<Tok> lead = toks.subList(modal, colon);
        if (table.isEmpty() || lead.stream().anyMatch(t -> !t.word())) return Optional.empty();
        return Optional.of(new TopicPrefix(table.get(), colon + 1, end, lead, reason(lead, catalog), comma));
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
            if (ASKS.contains(t.text()) || Vocabulary.SCHEMA_WORDS.contains(t.text()) || Clauses.policyVerb(t.text())) return false;
        }
        return words.isEmpty() || Rationale.plain(words.subList(1, words.size()), catalog);
    }

    /**
     * Refuses naming the first word of the lead-in that the changes after it do not account for:
     * not a name or function word of theirs, and not a plain word of a reason (a word that names
     * the topic table or one of its columns restates what the change is about).
     */
    void check(List<ChangeRequest> changes, Catalog catalog) {
        if (plainLead) return;
        List<WordAccount.Use> uses = WordAccount.uses(lead, changes, catalog);
        for (int i = 0; i < lead.size(); i++) {
            Tok t = lead.get(i);
            if (uses.get(i) != WordAccount.Use.NONE || agrees(t.text(), changes, catalog)) continue;
            throw PilotException.refused("did not understand \"" + t.raw() + "\" in \"" + MultiChange.ClauseText.join(lead) + "\" before the change",
                    "it was read as " + String.join(" + ", changes.stream().map(ChangeRequest::describe).toList())
                            + ", which leaves \"" + t.raw() + "\" out; say the change alone, or write the migration by hand: pgpilot new --empty NAME");
        }
    }

    private boolean agrees(String w, List<ChangeRequest> changes, Catalog catalog) {
        if (ASKS.contains(w) || Vocabulary.SCHEMA_WORDS.contains(w) || Clauses.policyVerb(w) || MeaningWords.saysWhat(w)) return false;
        if (OWNER_NOUNS.contains(w) && changes.stream().anyMatch(TopicPrefix::ownedByTheUser)) return true;
        if (catalog.findTable(w).filter(t -> t.name().equals(table.name())).isPresent()) return true;
        if (table.columns().containsKey(w) || table.columns().containsKey(w + "_id")) return true;
        return Rationale.plain(List.of(new Tok(Kind.WORD, w, w)), catalog);
    }

    private static boolean ownedByTheUser(ChangeRequest c) {
        if (c instanceof AddColumn a) return "auth.uid()".equals(a.column().defaultSql()) || Vocabulary.OWNER_ID_NAMES.contains(a.column().name());
        return c instanceof SetDefault d && "auth.uid()".equals(d.defaultSql());
    }
}
