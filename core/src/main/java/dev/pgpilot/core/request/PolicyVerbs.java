package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The verbs of a policy request: which commands a sentence grants ("see" = select, "log" =
 * insert, "manage" = all four, several in one sentence), what forbids rather than grants, and
 * the passive form "exercises are readable by everyone", read as "everyone can read exercises".
 */
final class PolicyVerbs {
    /** Words that turn "users can delete ..." into its opposite. */
    private static final Set<String> NEGATION = Set.of("not", "never", "no", "nobody", "noone", "neither", "nor", "none", "nothing");
    /** "readable by", "visible to": the adjective and the command it grants. */
    private static final Set<String> PASSIVE_READ = Set.of("readable", "visible", "viewable");
    /** The words "... but nobody else's", ", nobody else can", "and no one else" may use. */
    private static final Set<String> EXCLUSIVE = Set.of("but", ",", "and", "nobody", "no", "one", "noone", "not", "anyone", "anybody", "else", "can", "may", "other", "others");

    private PolicyVerbs() {}

    /** Verbs that grant all four commands: a list of commands in parentheses after them says which they mean. */
    private static final Set<String> EVERY_COMMAND = Set.of("manage", "anything", "everything", "crud");
    /** Words a parenthesized list of commands may hold besides the commands: "(read, create and delete them)". */
    private static final Set<String> IN_LIST = Set.of(",", "and", "or", "them", "it", "their", "own");
    /** Verbs a request may state in the present, with no "can": "users manage their own notes", "the teacher reads all submissions". */
    private static final Set<String> STATED = Set.of("read", "reads", "see", "sees", "view", "views", "manage", "manages", "browse", "browses");

    /**
     * The commands the words grant. "manage their notes (read, create, update)": a list of commands in
     * parentheses says what "manage" means there, so only those, not all four.
     */
    static Set<String> commands(List<Tok> what) {
        List<Tok> listed = parenthesizedCommands(what);
        if (listed.isEmpty()) return verbs(what);
        List<Tok> outside = new ArrayList<>();
        for (Tok x : what) if (!listed.contains(x) && !(x.kind() != Kind.QUOTED && EVERY_COMMAND.contains(x.text()))) outside.add(x);
        Set<String> out = verbs(outside);
        out.addAll(verbs(listed));
        return out;
    }

    /** The tokens of "( read , create , update )" when what holds such a group of nothing but commands and list words; else empty. */
    private static List<Tok> parenthesizedCommands(List<Tok> what) {
        for (int i = 0; i < what.size(); i++) {
            if (!what.get(i).is("(") || what.get(i).kind() == Kind.QUOTED) continue;
            int end = i + 1;
            while (end < what.size() && !what.get(end).is(")")) end++;
            if (end == what.size()) return List.of();
            List<Tok> inner = what.subList(i, end + 1);
            boolean verbs = false, only = true;
            for (Tok x : inner.subList(1, inner.size() - 1)) {
                if (x.kind() != Kind.QUOTED && !verbs(List.of(x)).isEmpty() && !EVERY_COMMAND.contains(x.text())) verbs = true;
                else if (!IN_LIST.contains(x.text())) only = false;
            }
            if (verbs && only) return inner;
        }
        return List.of();
    }

    /**
     * "users manage their own notes", "buyers see their own offers": no modal, a subject of a word or
     * three and then a verb of {@link #STATED} (never a verb a schema change also uses, like add or
     * update), read as "users can manage ...". Any other words are returned as they are.
     */
    static boolean stated(String word) {
        return STATED.contains(word);
    }

    static Words withModal(Words w) {
        if (w.indexOfAny(Set.of("can", "may", "able", "allowed")) >= 0) return w;
        List<Tok> toks = w.all();
        for (int i = 1; i < toks.size() && i <= 4; i++) {
            Tok t = toks.get(i);
            if (!t.word()) return w;
            if (!STATED.contains(t.text())) continue;
            List<Tok> out = new ArrayList<>(toks.subList(0, i));
            out.add(new Tok(Kind.WORD, "can", "can"));
            String verb = t.text().endsWith("s") && !t.text().equals("sees") ? t.text().substring(0, t.text().length() - 1) : t.text().equals("sees") ? "see" : t.text();
            out.add(new Tok(Kind.WORD, verb, t.raw()));
            out.addAll(toks.subList(i + 1, toks.size()));
            return new Words(out, w.source());
        }
        return w;
    }

    /**
     * "staff can read everything in their store": after a verb of its own, "everything" is the object, not every
     * command, and it names no one table (reading it as the store's row, or as all four commands, would grant
     * what was not asked). Refused, asking for the tables.
     */
    static void refuseEverythingAsObject(List<Tok> what) {
        boolean all = what.stream().anyMatch(x -> x.kind() != Kind.QUOTED && x.is("everything", "anything"));
        boolean verb = what.stream().anyMatch(x -> x.kind() != Kind.QUOTED && !EVERY_COMMAND.contains(x.text()) && !verbs(List.of(x)).isEmpty());
        if (all && verb) throw refuse("\"everything\" names no table: a policy is on one table at a time",
                "name the tables, one request each, e.g. \"staff can read sales in their store\"");
    }

    private static Set<String> verbs(List<Tok> what) {
        Set<String> commands = new LinkedHashSet<>();
        for (Tok x : what) {
            if (x.kind() == Kind.QUOTED) continue;
            switch (x.text()) {
                case "read", "see", "view", "select", "list", "access", "query", "fetch", "download", "browse" -> commands.add("select");
                case "create", "insert", "add", "write", "submit", "post", "upload", "log", "book", "send", "make", "hand" -> commands.add("insert");
                case "update", "edit", "modify", "change", "amend", "replace", "overwrite" -> commands.add("update");
                case "delete", "remove", "destroy" -> commands.add("delete");
                case "manage", "anything", "everything", "crud" -> commands.addAll(List.of("select", "insert", "update", "delete"));
                default -> { }
            }
        }
        return commands;
    }

    /**
     * "users can not delete their own posts", "users should not be able to update ...", "no user can
     * delete ...": a negation before the command forbids; policies only ever grant, so reading the
     * rest would write the very policy the user ruled out. Refused. A negation after the command is
     * a row condition ("posts that are not archived") and stays.
     */
    static void refuseNegation(Words w) {
        boolean granted = false;
        List<Tok> toks = w.all();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.kind() == Kind.QUOTED) continue;
            if (!commands(List.of(t)).isEmpty()) granted = true;
            // after a grant, only a negation that takes a command back forbids: "read but not delete them", "... and never update"
            if (NEGATION.contains(t.text()) && !SignedOutWords.aboutSigningIn(toks, i) && (!granted || negatesCommand(toks, i + 1))) {
                throw refuse("\"" + t.raw() + "\" forbids: a policy only grants, so pgpilot does not write one for \"" + w.text() + "\"",
                        "with row level security on, what no policy grants is already denied; to take a right away, drop the policy that grants it "
                                + "(\"drop policy NAME on TABLE\"), or say who alone may do it (\"only admins can delete TABLE\")");
            }
        }
    }

    /** A command right after a negation, past "be able to", "allowed to", "can", "may". */
    private static boolean negatesCommand(List<Tok> toks, int from) {
        for (int i = from; i < toks.size() && i < from + 5; i++) {
            Tok t = toks.get(i);
            if (t.kind() != Kind.QUOTED && !commands(List.of(t)).isEmpty()) return true;
            if (!t.is("be", "able", "to", "allowed", "can", "may", "ever", "also", "let", "them", "they", "permitted")) return false;
        }
        return false;
    }

    /**
     * Where "... but nobody else's", "..., nobody else can", "... but not anyone else's" starts, or -1:
     * a tail that says the grant is exclusive ("only"), made of nothing but those words and ending in "else".
     */
    static int exclusiveTail(List<Tok> toks) {
        int elseAt = -1;
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).is("else") && toks.get(i).kind() != Kind.QUOTED) elseAt = i;
        if (elseAt < 0) return -1;
        for (int i = elseAt + 1; i < toks.size(); i++) if (!toks.get(i).is("can", "may", "s")) return -1;
        int start = elseAt;
        while (start > 0 && EXCLUSIVE.contains(toks.get(start - 1).text()) && toks.get(start - 1).kind() != Kind.QUOTED
                && commands(List.of(toks.get(start - 1))).isEmpty()) start--;
        boolean negated = toks.subList(start, elseAt).stream().anyMatch(t -> t.is("nobody", "no", "noone", "not"));
        return negated && start > 0 ? start : -1;
    }

    /** True for "X are readable by Y" / "X is visible to Y": the passive form of a read grant. */
    static boolean passive(Words w) {
        int adj = w.indexOfAny(PASSIVE_READ);
        return adj > 1 && w.tok(adj - 1).is("is", "are") && adj + 1 < w.size() && w.tok(adj + 1).is("by", "to");
    }

    /** "exercises are readable by everyone" as "everyone can read exercises"; the same words, reordered. */
    static Words active(Words w) {
        int adj = w.indexOfAny(PASSIVE_READ);
        List<Tok> toks = w.all();
        int end = toks.size();
        for (int i = adj + 2; i < toks.size(); i++) if (toks.get(i).is("where", "when", "if", "whose", "that", "which", ",")) { end = i; break; }
        List<Tok> out = new ArrayList<>(toks.subList(adj + 2, end));
        out.add(new Tok(Kind.WORD, "can", "can"));
        out.add(new Tok(Kind.WORD, "read", toks.get(adj).raw()));
        out.addAll(toks.subList(0, adj - 1));
        out.addAll(toks.subList(end, toks.size()));
        return new Words(out, w.source());
    }
}
