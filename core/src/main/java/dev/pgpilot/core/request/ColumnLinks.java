package dev.pgpilot.core.request;

import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Links the words people use for a column to the column: "invoice amounts" to invoices.amount_cents,
 * "grade levels" to profiles.grade_level, "date of birth" to date_of_birth, "refills" to the one
 * table that has refills, "end"/"start" to ends_at/starts_at. A run of up to three words names a
 * column when, joined with _ (each word or the last one singular), it is the column's name, the
 * name of a foreign key column without its _id, or the only column that starts with it and a
 * unit (_cents, _at, _on ...). Longer runs win over shorter ones inside one table. Across tables
 * the words must name exactly one column; two are a question, never a pick.
 */
final class ColumnLinks {
    /** A column the words name, and where: tokens {@code from} to {@code to} (exclusive) of the scope. */
    record Link(Catalog.Table table, Catalog.Column column, int from, int to) {}

    /** Words that never name a column here: they say what to do with it. */
    private static final Set<String> NEVER = Set.of("a", "an", "the", "must", "should", "be", "is", "are", "can", "not", "may", "has", "have",
            "to", "of", "on", "in", "for", "and", "or", "at", "by", "with", "from", "make", "set", "between", "least", "most", "than", "when",
            "if", "it", "its", "they", "them", "their", "all", "every", "each", "no", "only", "always", "never", "unique", "required", "null",
            "add", "create", "drop", "remove", "index", "check", "constraint", "where", "after", "before", "differ", "go", "goes");

    private final Catalog catalog;

    ColumnLinks(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every column of {@code table} the words name, in the order the words name them; a longer run wins over its parts. */
    List<Link> in(Catalog.Table table, List<Tok> scope) {
        List<Link> out = new ArrayList<>();
        boolean[] used = new boolean[scope.size()];
        for (int len = 3; len >= 1; len--) {
            for (int i = 0; i + len <= scope.size(); i++) {
                if (anyUsed(used, i, len) || !run(scope, i, len) || namesTable(scope, i, len, table)) continue;
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

    /**
     * The one column of any public table the words name (a table the words name narrows it);
     * empty when none; ambiguous (every table.column listed) when several tables have it.
     */
    Optional<Link> only(List<Tok> scope, String request) {
        List<Catalog.Table> named = new ArrayList<>();
        for (Tok t : scope) if (t.kind() == Kind.WORD && !NEVER.contains(t.text())) catalog.findTable(t.text()).filter(x -> x.name().schema().equals("public")).ifPresent(named::add);
        List<Catalog.Table> where = named.isEmpty() ? catalog.tables().values().stream().filter(x -> x.name().schema().equals("public")).toList() : named;
        List<Link> found = new ArrayList<>();
        for (Catalog.Table t : where) {
            List<Link> l = in(t, scope);
            if (!l.isEmpty()) found.add(l.get(0));
        }
        if (found.size() <= 1) return found.stream().findFirst();
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        for (Link l : found) {
            // the same request with the words that named the column replaced by table.column
            String q = l.table().name().name() + "." + l.column().name();
            String said = (MultiChange.ClauseText.join(scope.subList(0, l.from())) + " " + q + " " + MultiChange.ClauseText.join(scope.subList(l.to(), scope.size()))).strip();
            readings.add(new AmbiguousRequest.Reading("the column " + q, said));
        }
        throw new AmbiguousRequest(request, readings);
    }

    private static boolean run(List<Tok> scope, int i, int len) {
        for (int k = i; k < i + len; k++) {
            Tok t = scope.get(k);
            if (t.kind() != Kind.WORD || t.text().contains(".")) return false;
            // "of" may join a name ("date of birth") but never start or end one
            if (NEVER.contains(t.text()) && !(t.is("of") && k > i && k < i + len - 1)) return false;
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
