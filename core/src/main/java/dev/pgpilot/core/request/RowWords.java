package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Words said before a table's name that pick its rows: "published sessions" (a boolean column,
 * also as is_published), "pending offers" (a value of exactly one enum column of the table). When
 * the request spells the condition out itself ("index ungraded submissions: submitted_at where
 * grade is null"), any adjective but a boolean column is what the user calls those rows: it names
 * the index and adds no condition of its own.
 */
final class RowWords {
    /**
     * @param word   the adjective as said
     * @param column the column it filters on, or null for a name of rows the request's own condition picks
     * @param sql    the condition, or null
     */
    record Filter(String word, String column, String sql) {}

    /** Words that say what to do, never which rows. */
    private static final Set<String> NEVER = Set.of("index", "indexes", "speed", "up", "looking", "lookups", "lookup", "query", "queries",
            "unique", "only", "one", "per", "each", "every", "all", "any", "gin", "btree", "partial", "composite", "search", "searching", "faster");

    /** What people call a table's rows when they pick some of them ("only for active rows", "the confirmed ones"). */
    private static final Set<String> ROWS = Set.of("rows", "ones", "records", "entries");

    private RowWords() {}

    /** The filter word {@code i} of {@code head} says, when it is in a run of adjectives right before the table's name. */
    static Optional<Filter> before(Catalog catalog, Catalog.Table table, List<Tok> head, int i, boolean conditionSaid) {
        int j = i;
        while (j < head.size() && !namesTable(table, head, j)) {
            if (!adjective(table, head.get(j))) return Optional.empty();
            j++;
        }
        if (j == i || j >= head.size()) return Optional.empty();
        String word = head.get(i).text();
        for (String c : List.of(word, "is_" + word)) {
            if (table.column(c).map(x -> x.type().equals("boolean")).orElse(false)) return Optional.of(new Filter(word, c, Quote.ident(c) + " = true"));
        }
        // a condition the request spells out is what its row words mean: "active" there is not also some enum's 'active'
        if (conditionSaid) return Optional.of(new Filter(word, null, null));
        return enumValue(catalog, table, word);
    }

    /** "pending" when exactly one enum column of the table has that value. */
    static Optional<Filter> enumValue(Catalog catalog, Catalog.Table table, String word) {
        List<Catalog.Column> having = table.columns().values().stream()
                .filter(c -> catalog.findEnum(c.type()).map(e -> e.values().contains(word)).orElse(false)).toList();
        if (having.size() != 1) return Optional.empty();
        Catalog.Column c = having.get(0);
        return Optional.of(new Filter(word, c.name(), Quote.ident(c.name()) + " = " + Quote.literal(word)));
    }

    private static boolean adjective(Catalog.Table table, Tok t) {
        return t.word() && !t.text().contains(".") && !FILLER.contains(t.text()) && !STOP.contains(t.text()) && !ADD.contains(t.text())
                && !NEVER.contains(t.text()) && !IndexOrder.orderWord(t)
                && (!table.columns().containsKey(t.text()) || table.columns().get(t.text()).type().equals("boolean"));
    }

    /** Position j starts the table's name: "sessions", "session", or "api keys" for api_keys; "rows" or "ones" stand for it. */
    private static boolean namesTable(Catalog.Table table, List<Tok> head, int j) {
        String name = table.name().name();
        String w = head.get(j).text();
        if (ROWS.contains(w)) return true;
        if (w.equals(name) || Inflect.singular(name).equals(w) || Inflect.plural(w).equals(name)) return true;
        return j + 1 < head.size() && (w + "_" + head.get(j + 1).text()).equals(name);
    }
}
