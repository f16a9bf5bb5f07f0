package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sort order of an index's keys as people say it: "starts_at descending", "(user_id,
 * performed_at desc)", "a descending index on X" (every key), "newest first" (the time key, or the
 * table's created_at when no time is a key yet). Every order word is applied or refused, never
 * dropped: "newest first" with two time keys, or with none and no created_at, asks which column.
 */
final class IndexOrder {
    /** An index key and the token position just after the words that named it. */
    record Key(String column, int end) {}

    /** The keys in order, and the ones kept descending. */
    record Order(List<String> columns, List<String> descending) {}

    static final Set<String> DESC = Set.of("desc", "descending");
    static final Set<String> ASC = Set.of("asc", "ascending");
    private static final Set<String> NEWEST = Set.of("newest", "latest", "recent", "youngest");
    private static final Set<String> OLDEST = Set.of("oldest", "earliest");
    private static final Set<String> TIME_TYPES = Set.of("timestamptz", "timestamp with time zone", "timestamp without time zone", "timestamp", "date");

    private IndexOrder() {}

    /** Words the order is said with, for the index frame's vocabulary and column scan. */
    static boolean orderWord(Tok t) {
        return t.word() && (DESC.contains(t.text()) || ASC.contains(t.text()) || NEWEST.contains(t.text()) || OLDEST.contains(t.text()));
    }

    static Order of(Catalog.Table table, List<Tok> head, List<Key> keys) {
        List<String> cols = new ArrayList<>(keys.stream().map(Key::column).toList());
        List<String> desc = new ArrayList<>();
        int firstKey = keys.stream().mapToInt(k -> k.end() - 1).min().orElse(head.size());
        for (int i = 0; i < head.size(); i++) {
            Tok t = head.get(i);
            if (!t.word()) continue;
            if (DESC.contains(t.text())) {
                Key before = keyEndingAt(keys, head, i);
                if (before != null) add(desc, before.column());
                else if (i < firstKey) cols.forEach(c -> add(desc, c)); // "a descending index on ..."
                else throw refuse("which column is \"" + t.raw() + "\"?", "put it right after the column, e.g. \"(user_id, created_at desc)\"");
            } else if (NEWEST.contains(t.text()) && i + 1 < head.size() && head.get(i + 1).is("first")
                    || t.is("most") && i + 2 < head.size() && head.get(i + 1).is("recent") && head.get(i + 2).is("first")) {
                String time = newest(table, cols);
                if (!cols.contains(time)) cols.add(time);
                add(desc, time);
            } else if (NEWEST.contains(t.text()) || OLDEST.contains(t.text()) && !(i + 1 < head.size() && head.get(i + 1).is("first"))) {
                throw refuse("\"" + t.raw() + "\" in an index: say \"" + t.text() + " first\"", "e.g. \"index comments by task, newest first\"");
            }
        }
        return new Order(List.copyOf(cols), List.copyOf(desc));
    }

    /** The key whose words end right before position i (a comma between is not allowed: "a, b desc" is b). */
    private static Key keyEndingAt(List<Key> keys, List<Tok> head, int i) {
        for (Key k : keys) if (k.end() == i) return k;
        return null;
    }

    /** The time key newest-first sorts by: the one time key, else the table's created_at, else its one date or time column. */
    private static String newest(Catalog.Table table, List<String> cols) {
        List<String> times = cols.stream().filter(c -> table.column(c).map(x -> TIME_TYPES.contains(x.type())).orElse(false)).toList();
        if (times.size() == 1) return times.get(0);
        if (times.size() > 1) {
            throw refuse("newest first by which column: " + String.join(" or ", times) + "?", "say \"" + times.get(0) + " desc\"");
        }
        if (table.column("created_at").isPresent()) return "created_at";
        List<String> any = table.columns().values().stream().filter(x -> TIME_TYPES.contains(x.type())).map(Catalog.Column::name).toList();
        if (any.size() == 1) return any.get(0); // payments.paid_at: the table's one time is what "newest" means
        throw refuse("newest first by which column of " + table.name().name() + "?", any.isEmpty() ? "the table has no date or time column"
                : "name it, e.g. \"" + any.get(0) + " desc\"");
    }

    private static void add(List<String> l, String c) {
        if (!l.contains(c)) l.add(c);
    }
}
