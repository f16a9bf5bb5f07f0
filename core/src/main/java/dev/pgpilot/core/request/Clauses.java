package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds where one change ends and the next begins in a request that asks for several ("add a
 * notes column to events and an index on events.starts_at", "create table tags with name text,
 * and let members read it"). A boundary is a joiner (a comma, "and", "also", "then", "plus", a
 * semicolon or a full stop) followed by words that open a change of their own: a change verb, a
 * change noun ("an index", "a trigger"), a new subject with a modal ("ratings must be 1-5",
 * "members can read it") or "we ..." ("we don't need ..."). Anything else after a joiner stays in
 * the clause: a column list ("a text and b int"), a range ("between 1 and 5"), a condition ("where
 * a and b"), two subjects ("admins and members can read"), two commands of one policy ("can read
 * and delete").
 */
final class Clauses {
    /** Verbs that open a change when a clause starts with them. */
    private static final Set<String> VERBS = Set.of("add", "create", "drop", "remove", "delete", "rename", "index", "make", "link", "connect",
            "enable", "turn", "keep", "set", "change", "alter", "convert", "switch", "require", "comment", "introduce", "include", "give",
            "put", "let", "get", "define", "attach", "store", "track", "record", "build", "disable");
    /** Nouns that, after a joiner and an article, are a change of their own rather than one more column. */
    private static final Set<String> NOUNS = Set.of("index", "unique", "check", "constraint", "trigger", "policy", "foreign", "rls", "enum");
    /** Words that say what kind of index a clause adds, between its article and "index". */
    private static final Set<String> KINDS_OF_INDEX = Set.of("gin", "btree", "partial", "composite", "descending", "multi-column", "plain", "separate",
            "full-text", "fulltext", "expression");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "one");
    private static final Set<String> JOINERS = Set.of(",", "and", "also", "then", "plus", ";", ".", "afterwards", "finally", "next", "but");
    /** Words that put a clause's subject in front of what it must or may do. */
    private static final Set<String> MODALS = Set.of("must", "should", "can", "cannot", "may", "need", "needs", "has", "have", "shall", "will");
    /** Commands a policy clause may list after "can": "users can read and delete their own notes" is one change. */
    private static final Set<String> POLICY_VERBS = Set.of("read", "see", "view", "select", "list", "create", "insert", "add", "write", "update",
            "edit", "modify", "change", "delete", "remove", "manage", "upload", "download", "replace", "overwrite", "access", "post", "submit");

    private Clauses() {}

    /** One clause: tokens {@code from} (inclusive) to {@code to} (exclusive) of the request. */
    record Span(int from, int to) {}

    /** Where the request's tokens are cut at change boundaries; one span when it asks for one change. */
    static List<Span> split(List<Tok> toks) {
        List<Span> out = new ArrayList<>();
        if (!toks.isEmpty() && toks.get(0).is("comment", "describe", "document")) return List.of(new Span(0, toks.size())); // a comment's text is free prose
        int start = 0;
        for (int i = 1; i < toks.size(); i++) {
            if (!joiner(toks.get(i))) continue;
            int j = i;
            while (j < toks.size() && joiner(toks.get(j))) j++;
            if (j >= toks.size()) break;
            List<Tok> left = toks.subList(start, i);
            if (!left.isEmpty() && opensChange(toks, j, left)) {
                out.add(new Span(start, i));
                start = j;
                if (toks.get(j).is("comment", "describe", "document")) break; // the rest is the comment's text
            }
            i = j - 1;
        }
        int end = toks.size();
        while (end > start && joiner(toks.get(end - 1))) end--; // a trailing full stop
        if (end > start) out.add(new Span(start, end));
        return out;
    }

    /** A verb that opens a change ("add", "drop", "rename" ...). */
    static boolean changeVerb(String word) {
        return VERBS.contains(word);
    }

    /** A command a policy may grant ("read", "delete", "upload" ...). */
    static boolean policyVerb(String word) {
        return POLICY_VERBS.contains(word);
    }

    /**
     * True when a clause has no verb or modal of its own ("an index on starts_at", "a tags table"): it
     * adds what it names. "the estimate is mandatory" says what a column is, so it has one.
     */
    static boolean verbless(List<Tok> clause) {
        return clause.stream().noneMatch(t -> t.kind() == Kind.WORD && (VERBS.contains(t.text()) || MODALS.contains(t.text()) || POLICY_VERBS.contains(t.text())
                || t.is("we", "i", "not", "no", "rls", "trigger", "bucket", "comment", "is", "are")));
    }

    private static boolean joiner(Tok t) {
        return t.kind() != Kind.QUOTED && JOINERS.contains(t.text()) && (t.kind() == Kind.WORD || t.is(",", ";", "."));
    }

    /** True when the words at {@code at} begin a change of their own, given the clause before them. */
    private static boolean opensChange(List<Tok> toks, int at, List<Tok> left) {
        Tok first = toks.get(at);
        if (first.kind() != Kind.WORD) return false;
        boolean policyClause = left.stream().anyMatch(t -> t.kind() == Kind.WORD && t.is("can", "may", "allowed", "able"));
        if (policyClause && POLICY_VERBS.contains(first.text())) return false; // "can read and delete ..."
        if (ColumnTail.startsAt(toks, at) && describesColumns(left)) return false; // "add a room text, it can be null": more about that column
        if (VERBS.contains(first.text())) return !(first.is("set") && next(toks, at + 1, "null")); // ", set null when ... is deleted" is an on-delete rule
        if (first.is("we", "i")) return true;
        int k = at;
        if (ARTICLES.contains(first.text())) k++;
        while (k > at && k < toks.size() && KINDS_OF_INDEX.contains(toks.get(k).text())) k++; // "and a gin index on it"
        if (k < toks.size() && k > at && NOUNS.contains(toks.get(k).text())) return true;
        if (k < toks.size() && k > at && next(toks, k + 1, "table") && !next(toks, k, "join", "junction", "link", "pivot")) return true; // "and a team_members table"
        if (k < toks.size() && k > at && next(toks, k + 1, "join", "junction") && next(toks, k + 2, "table")) return true;
        return opensSentence(toks, at, left);
    }

    /**
     * "ratings must be 1-5", "members can read it", "but the estimate is mandatory": a subject of one
     * to three words, then a modal (or "is"/"are" saying what the subject now is).
     * Only after a clause that is a change itself (it has a verb or a modal), so "admins and members
     * can read projects" keeps its two subjects together.
     */
    private static boolean opensSentence(List<Tok> toks, int at, List<Tok> left) {
        // "listing descriptions are optional, but the category ...": a clause saying what a column is counts as a change;
        // "buyers see their own offers and sellers see ...": so does a grant stated without a modal
        boolean leftIsChange = left.stream().anyMatch(t -> t.kind() == Kind.WORD && (VERBS.contains(t.text()) || MODALS.contains(t.text()) || t.is("not", "is", "are")))
                || PolicyVerbs.withModal(new Words(left, "")).size() > left.size();
        if (!leftIsChange) return false;
        for (int k = at + 1; k < Math.min(toks.size(), at + 4); k++) {
            Tok t = toks.get(k);
            if (t.kind() != Kind.WORD) return false;
            if (MODALS.contains(t.text()) || t.is("is", "are") || PolicyVerbs.stated(t.text()) && leftIsChange) return true;
            if (joiner(t)) return false;
        }
        return false;
    }

    /** True when the clause adds columns (or a table with them), so a tail about "it" may describe its last column. */
    private static boolean describesColumns(List<Tok> clause) {
        return clause.get(0).kind() == Kind.WORD && clause.get(0).is("add", "introduce", "include", "give", "create");
    }

    private static boolean next(List<Tok> toks, int i, String... words) {
        return i < toks.size() && toks.get(i).kind() == Kind.WORD && toks.get(i).is(words);
    }
}
