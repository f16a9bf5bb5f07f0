package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links the words people use for a column to the column, whether the table is named or not.
 * <ul>
 * <li>Inside one table ({@link #in}): a run of up to three words names a column when, joined with _
 *     (each word or the last one singular, or plural), it is the column's name; the name of a foreign
 *     key column without its _id ("the category": category_id); or the only column that starts with it
 *     and a unit ("invoice amounts": amount_cents). Longer runs win over shorter ones. Only words that
 *     say what to do ({@link #NOT_A_NAME}) break a run, so "default currency" still names
 *     default_currency.</li>
 * <li>Without a table ({@link #candidates}, {@link #link}): one word names a column of a public table
 *     by its name only (exact, plural or singular), and a word that is a planner word (to, default,
 *     type ...) or names a table never does: across every table a looser rule would link by accident.
 *     The same word naming columns of several tables is asked about, each reading being the request
 *     with the word written as table.column ({@link #rewrite}); never a silent pick.</li>
 * <li>{@link #only}: the loose rules of {@link #in} over every public table (or the tables the words
 *     name), for "refills must be between 0 and 12"; two tables are asked about.</li>
 * </ul>
 */
final class ColumnLinker {
    /** A column the words name, and where: tokens {@code from} to {@code to} (exclusive) of the scope. */
    record Link(Catalog.Table table, Catalog.Column column, int from, int to) {
        String qualified() { return table.name().name() + "." + column.name(); }
        NameLinks.ColRef ref() { return new NameLinks.ColRef(table, column); }
    }

    /** Words that never start or end a column's name in a run: they say what to do with it. */
    private static final Set<String> NOT_A_NAME = Set.of("a", "an", "the", "must", "should", "be", "is", "are", "can", "not", "may", "has", "have",
            "to", "of", "on", "in", "for", "and", "or", "at", "by", "with", "from", "make", "set", "between", "least", "most", "than", "when",
            "if", "it", "its", "they", "them", "their", "all", "every", "each", "no", "only", "always", "never", "unique", "required", "null",
            "add", "create", "drop", "remove", "index", "check", "constraint", "where", "after", "before", "differ", "go", "goes");

    private final Catalog catalog;

    ColumnLinker(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every column of {@code table} the words name, in the order the words name them; a longer run wins over its parts. */
    List<Link> in(Catalog.Table table, List<Tok> scope) {
        List<Link> out = new ArrayList<>();
        boolean[] used = new boolean[scope.size()];
        for (int len = 3; len >= 1; len--) {
            for (int i = 0; i + len <= scope.size(); i++) {
                if (anyUsed(used, i, len) || !run(scope.subList(i, i + len)) || namesTable(scope, i, len, table)) continue;
                Optional<Catalog.Column> c = column(table, scope.subList(i, i + len));
                if (c.isPresent() && out.stream().noneMatch(l -> l.column().name().equals(c.get().name()))) {
                    out.add(new Link(table, c.get(), i, i + len));
                    for (int k = i; k < i + len; k++) used[k] = true;
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return out;
    }

    /** Every (word, column) one word of the scope names in a public table by its name alone; words that name a table are left to the table slot. */
    List<Link> candidates(List<Tok> scope) {
        List<Link> out = new ArrayList<>();
        for (int i = 0; i < scope.size(); i++) {
            Tok t = scope.get(i);
            if (!t.word() || t.text().contains(".") || FILLER.contains(t.text()) || STOP.contains(t.text()) || catalog.findTable(t.text()).isPresent()) continue;
            for (Catalog.Table table : publicTables()) {
                for (String v : Inflect.variants(t.text())) {
                    Catalog.Column c = table.columns().get(v);
                    if (c != null) { out.add(new Link(table, c, i, i + 1)); break; }
                }
            }
        }
        return out;
    }

    /**
     * The one column one word of the scope names when no table is named; an {@link AmbiguousRequest}
     * when it names the columns of several tables; null when it names none (or several words do).
     */
    NameLinks.ColRef link(Words w, List<Tok> scope) {
        List<Link> found = candidates(scope);
        if (found.isEmpty() || found.stream().map(Link::from).distinct().count() > 1) return null;
        if (found.size() == 1) return found.get(0).ref();
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        for (Link l : found) {
            String request = rewrite(w.source(), scope.get(l.from()), l.qualified());
            readings.add(new AmbiguousRequest.Reading("the column " + l.qualified() + ": " + request, request));
        }
        throw new AmbiguousRequest(w.source(), readings);
    }

    /**
     * The one column of any public table a run of the words names (a table the words name narrows
     * it); empty when none; ambiguous (every table.column listed) when several tables have it.
     */
    Optional<Link> only(List<Tok> scope, String request) {
        List<Catalog.Table> named = new ArrayList<>();
        for (Tok t : scope) if (t.kind() == Kind.WORD && !NOT_A_NAME.contains(t.text())) catalog.findTable(t.text()).filter(x -> x.name().schema().equals("public")).ifPresent(named::add);
        List<Catalog.Table> where = named.isEmpty() ? publicTables() : named;
        List<Link> found = new ArrayList<>();
        for (Catalog.Table t : where) {
            List<Link> l = in(t, scope);
            if (!l.isEmpty()) found.add(l.get(0));
        }
        if (found.size() <= 1) return found.stream().findFirst();
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        for (Link l : found) {
            // the same request with the words that named the column replaced by table.column
            String said = (MultiChange.ClauseText.join(scope.subList(0, l.from())) + " " + l.qualified() + " " + MultiChange.ClauseText.join(scope.subList(l.to(), scope.size()))).strip();
            readings.add(new AmbiguousRequest.Reading("the column " + l.qualified(), said));
        }
        throw new AmbiguousRequest(request, readings);
    }

    /** The request with one word written as table.column (its first whole-word occurrence). */
    static String rewrite(String source, Tok word, String qualified) {
        return rewrite(source, List.of(word), qualified);
    }

    /** The request with a run of words ("booking status") written as one name (their first whole-word occurrence). */
    static String rewrite(String source, List<Tok> words, String name) {
        String run = String.join("\\s+", words.stream().map(t -> Pattern.quote(t.raw())).toList());
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_.])" + run + "(?![A-Za-z0-9_.])").matcher(source);
        return m.find() ? source.substring(0, m.start()) + name + source.substring(m.end()) : name + ": " + source;
    }

    private List<Catalog.Table> publicTables() {
        return catalog.tables().values().stream().filter(x -> x.name().schema().equals("public")).toList();
    }

    /** True when the words may be a column's name: words, none dotted, no function word at either end ("of" may join: "date of birth"). */
    private static boolean run(List<Tok> words) {
        for (int k = 0; k < words.size(); k++) {
            Tok t = words.get(k);
            if (t.kind() != Kind.WORD || t.text().contains(".")) return false;
            if (NOT_A_NAME.contains(t.text()) && !(t.is("of") && k > 0 && k < words.size() - 1)) return false;
        }
        return true;
    }

    private static Optional<Catalog.Column> column(Catalog.Table table, List<Tok> words) {
        List<String> names = new ArrayList<>();
        String asIs = String.join("_", words.stream().map(Tok::text).toList());
        names.add(asIs);
        names.add(String.join("_", words.stream().map(t -> Inflect.singular(t.text())).toList()));
        names.add(asIs.substring(0, asIs.length() - words.get(words.size() - 1).text().length()) + Inflect.singular(words.get(words.size() - 1).text()));
        names.add(Inflect.plural(asIs));
        for (String n : names) if (table.columns().containsKey(n)) return Optional.of(table.columns().get(n));
        for (String n : names) if (table.columns().containsKey(n + "_id")) return Optional.of(table.columns().get(n + "_id"));
        for (String n : names) {
            List<String> united = table.columns().keySet().stream().filter(c -> c.startsWith(n + "_") && unit(c.substring(n.length() + 1))).toList();
            if (united.size() == 1) return Optional.of(table.columns().get(united.get(0)));
        }
        return Optional.empty();
    }

    /** The tail of a column name that says its unit or kind, not what it is: amount_cents is the amount. */
    private static boolean unit(String tail) {
        return Set.of("cents", "at", "on", "date", "count", "bytes", "minutes", "hours", "seconds", "days", "percent", "pct", "url", "path", "code").contains(tail);
    }

    /** True when the run is a word naming the table itself ("invoice" in "invoice amounts"). */
    private boolean namesTable(List<Tok> scope, int i, int len, Catalog.Table table) {
        return len == 1 && catalog.findTable(scope.get(i).text()).map(t -> t.name().equals(table.name())).orElse(false);
    }

    private static boolean anyUsed(boolean[] used, int i, int len) {
        for (int k = i; k < i + len; k++) if (used[k]) return true;
        return false;
    }
}
