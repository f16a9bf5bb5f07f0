package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;
import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "make customers.email unique", "no duplicate emails in customers"; "label names must be unique
 * per project", "titles unique within a course", "one review per reviewer per listing", "only one
 * pending offer per buyer per listing": slots table, columns, scope and rows. A scope ("per X",
 * "within a X", "for each X") is a column of the table: X itself, X_id, or the one foreign key to
 * the table X names; it joins the unique key, first. Row words ("pending", "active") and a
 * condition ("where ...", "(pending = accepted_at is null)") make a partial unique index.
 */
record UniqueFrame(Slots slots) implements Frame {
    private static final Set<String> SCOPE = Set.of("per", "within");

    @Override
    public boolean fits(Words w) {
        boolean adding = AddColumnsFrame.adding(w);
        return (!adding || w.has("constraint") || w.has("index")) && w.has("unique") || !adding && w.has("distinct")
                || w.phrase("no", "duplicate") || w.phrase("no", "duplicates")
                || w.has("one") && (w.has("per") || w.phrase("for", "each") || w.phrase("for", "every"));
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        int where = w.indexOfAny(Set.of("where"));
        List<Tok> head = where < 0 ? all : w.sub(0, where);
        int firstScope = scopeAt(head, 0);
        List<Tok> main = head.subList(0, firstScope < 0 ? head.size() : firstScope);
        Catalog.Table table = table(w, main, head);
        Definition defined = Definition.find(head);
        List<String> cols = new ArrayList<>();
        for (int s = firstScope; s >= 0; s = scopeAt(head, s + 1)) {
            int from = s + (head.get(s).is("for", "in") ? 2 : 1);
            cols.add(scopeColumn(table, head.subList(from, end(head, from, defined))));
        }
        List<Tok> said = new ArrayList<>(head);
        if (defined != null) said.subList(defined.from(), defined.to()).clear();
        for (String c : named(table, said)) if (!cols.contains(c)) cols.add(c);
        cols = spelledOut(table, head, cols);
        if (cols.isEmpty()) throw refuse("unique on which column of " + table.name().name() + "?", "e.g. \"make " + table.name().name() + ".email unique\"");
        List<String> rows = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < main.size(); i++) {
            Optional<RowWords.Filter> f = RowWords.before(slots.catalog(), table, main, i, where >= 0 || defined != null);
            if (f.isEmpty()) continue;
            rows.add(f.get().word());
            if (defined != null && defined.word().equals(f.get().word())) conditions.add(slots.conditions().predicate(table, defined.condition()));
            else if (f.get().sql() != null) conditions.add(f.get().sql());
        }
        if (defined != null && !rows.contains(defined.word())) throw refuse("\"" + defined.word() + "\" is defined but not used", "say which rows it names, e.g. \"one " + defined.word() + " invitation per email\"");
        if (where >= 0) conditions.add(slots.conditions().predicate(table, w.sub(where + 1, all.size())));
        String predicate = conditions.isEmpty() ? null : String.join(" and ", conditions.stream().distinct().toList());
        String name = indexName("uq", table.name().name(), cols);
        if (predicate != null) name = trim63(name + "_" + (rows.isEmpty() ? "partial" : String.join("_", rows)));
        return List.of(new CreateIndex(table.name(), name, List.copyOf(cols), true, predicate, false));
    }

    /** The key in the order a column list says it, "unique (owner_id, name)", when that list has exactly the key's columns. */
    private static List<String> spelledOut(Catalog.Table table, List<Tok> head, List<String> cols) {
        for (int i = 0; i < head.size(); i++) {
            if (!head.get(i).is("(")) continue;
            List<String> listed = new ArrayList<>();
            int k = i + 1;
            for (; k < head.size() && !head.get(k).is(")"); k++) {
                Tok t = head.get(k);
                if (t.is(",")) continue;
                if (!t.word() || !table.columns().containsKey(t.text())) break;
                listed.add(t.text());
            }
            if (k < head.size() && head.get(k).is(")") && listed.size() == cols.size() && listed.containsAll(cols)) return listed;
        }
        return cols;
    }

    /** "(pending = accepted_at is null)": a row word defined by a condition. */
    record Definition(String word, List<Tok> condition, int from, int to) {
        static Definition find(List<Tok> head) {
            for (int i = 0; i + 3 < head.size(); i++) {
                if (!head.get(i).is("(") || !head.get(i + 1).word() || !head.get(i + 2).is("=", "means", "is")) continue;
                int close = i + 3;
                while (close < head.size() && !head.get(close).is(")")) close++;
                if (close < head.size() && close > i + 3) return new Definition(head.get(i + 1).text(), head.subList(i + 3, close), i, close + 1);
            }
            return null;
        }
    }

    /** The next scope word at or after {@code from}: "per", "within", "for each", "in each". */
    private static int scopeAt(List<Tok> head, int from) {
        for (int i = from; i < head.size(); i++) {
            Tok t = head.get(i);
            if (t.word() && SCOPE.contains(t.text())) return i;
            if (t.is("for", "in") && i + 1 < head.size() && head.get(i + 1).is("each", "every")) return i;
        }
        return -1;
    }

    /** Where a scope's words end: at the next scope word, a colon, or the row definition. */
    private static int end(List<Tok> head, int from, Definition defined) {
        int next = scopeAt(head, from);
        int stop = next < 0 ? head.size() : next;
        for (int i = from; i < stop; i++) if (head.get(i).is(":") || defined != null && i == defined.from()) return i;
        return stop;
    }

    /** Of the tables the words before any scope name, the first with the most columns named ("a room ...: unique room_id + starts_at on appointments"). */
    private Catalog.Table table(Words w, List<Tok> main, List<Tok> head) {
        Catalog catalog = slots.catalog();
        List<Catalog.Table> named = new ArrayList<>();
        for (int i = 0; i < main.size(); i++) {
            Tok t = main.get(i);
            if (!t.word()) continue;
            Optional<Catalog.Table> ct = catalog.findTable(t.text().contains(".") ? t.text().substring(0, t.text().indexOf('.')) : t.text());
            if (ct.isEmpty() && i + 1 < main.size()) ct = catalog.findTable(t.text() + "_" + main.get(i + 1).text());
            ct.filter(x -> !named.contains(x)).ifPresent(named::add);
        }
        Catalog.Table best = null;
        int most = -1;
        for (Catalog.Table t : named) {
            int n = named(t, head).size();
            if (n > most) { best = t; most = n; }
        }
        return best != null ? best : slots.names().columnRef(w, main.isEmpty() ? head : main).table();
    }

    /** The columns of the table the words name, in the order said: table.column, a column's name, or everyday words for it. */
    private List<String> named(Catalog.Table table, List<Tok> words) {
        List<String> out = new ArrayList<>();
        for (Tok t : words) {
            if (!t.word()) continue;
            String c = t.text().startsWith(table.name().name() + ".") ? t.text().substring(t.text().indexOf('.') + 1) : t.text();
            if (table.columns().containsKey(c) && !out.contains(c) && slots.catalog().findTable(c).isEmpty()) out.add(c);
        }
        for (ColumnLinker.Link l : new ColumnLinker(slots.catalog()).in(table, words)) if (!out.contains(l.column().name())) out.add(l.column().name());
        return out;
    }

    /** "per clinic" -> clinic_id, "per muscle group" -> muscle_group, "per organization" -> the foreign key to organizations. */
    private String scopeColumn(Catalog.Table table, List<Tok> words) {
        List<String> said = named(table, words);
        if (said.size() == 1) return said.get(0);
        Catalog catalog = slots.catalog();
        for (Tok t : words) {
            Optional<Catalog.Table> target = t.word() ? catalog.findTable(t.text()) : Optional.empty();
            if (target.isEmpty()) continue;
            List<String> keys = table.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1 && target.get().name().equals(c.references()))
                    .map(c -> c.columns().get(0)).distinct().toList();
            if (keys.size() == 1) return keys.get(0);
            if (keys.size() > 1) throw refuse("per " + t.text() + ": " + table.name().name() + " has " + String.join(" and ", keys) + " referencing " + target.get().name().name(), "name the column, e.g. \"per " + keys.get(0) + "\"");
        }
        String what = Words.raw(words);
        throw refuse("unique per what? \"" + what + "\" names no column of " + table.name().display(),
                Suggest.hint(words.stream().filter(Tok::word).map(Tok::text).reduce((a, b) -> b).orElse(what), table.columns().keySet(), "columns of " + table.name().name()));
    }
}
