package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;
import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.DROP;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.ChangeRequest.DropIndex;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "index orders on status", "speed up lookups of tasks by project_id", "gin index on posts body",
 * "... where deleted_at is null", "drop idx_orders_status": slots table, columns, method and
 * condition; or the index to drop. A unique index is the {@link UniqueFrame}'s.
 */
record IndexFrame(Slots slots) implements Frame {
    private static final Set<String> NOT_A_NAME = Set.of("index", "composite", "gin", "full", "text", "full-text", "fulltext", "btree", "speed", "up",
            "lookups", "search", "only", "multi-column");

    @Override
    public boolean fits(Words w) {
        boolean index = w.has("index") || w.has("indexes") || w.phrase("speed", "up") || w.has("lookups") || w.has("searchable") || w.first().is("index");
        return index && (w.any(DROP) || !w.has("unique"));
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        return w.any(DROP) ? drop(w) : List.of(create(w));
    }

    private ChangeRequest create(Words w) {
        Catalog catalog = slots.catalog();
        List<Tok> all = w.all();
        int where = w.indexOfAny(Set.of("where", "when", "if"));
        List<Tok> head = where < 0 ? all : w.sub(0, where);
        Catalog.Table table = null;
        for (Tok t : head) {
            if (!t.word()) continue;
            String word = t.text().contains(".") ? t.text().substring(0, t.text().indexOf('.')) : t.text();
            Optional<Catalog.Table> ct = catalog.findTable(word);
            if (ct.isPresent()) { table = ct.get(); break; }
        }
        if (table == null) {
            // "index status": the tables that have the column; one links, several ask
            NameLinks.ColRef only = new ColumnReadings(catalog).link(w, head.stream().filter(t -> !NOT_A_NAME.contains(t.text())).toList());
            if (only != null) table = only.table();
        }
        if (table == null) {
            Tok guess = head.stream().filter(t -> t.word() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !ADD.contains(t.text())
                    && !NOT_A_NAME.contains(t.text())).findFirst().orElse(null);
            if (guess == null) throw refuse("index which table?", "e.g. \"index orders on status\"");
            table = catalog.table(guess.text());
        }
        List<String> cols = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < head.size(); i++) {
            Tok t = head.get(i);
            if (!t.word()) continue;
            Optional<String> flag = flagBefore(table, head, i);
            if (flag.isPresent()) { filters.add(Sql.ident(flag.get()) + " = true"); flags.add(flag.get()); continue; }
            String c = t.text().startsWith(table.name().name() + ".") ? t.text().substring(t.text().indexOf('.') + 1) : t.text();
            if (table.columns().containsKey(c) && !cols.contains(c) && !catalog.findTable(c).isPresent()) cols.add(c);
        }
        if (head.stream().noneMatch(t -> t.text().contains("."))) {
            // "by doctor and start time": the words that link to columns, in the order they are said (a row filter's flag is not one)
            List<String> linked = new ColumnLinks(catalog).in(table, head).stream().map(l -> l.column().name()).filter(c -> !flags.contains(c)).toList();
            if (!linked.isEmpty() && linked.containsAll(cols)) cols = new ArrayList<>(linked);
        }
        if (cols.isEmpty() && !filters.isEmpty()) {
            throw refuse("index which column of the " + table.name().name() + " rows where " + String.join(" and ", filters).replace("\"", "") + "?",
                    "e.g. \"index published posts by created_at\": the rows the index holds, then the column it sorts");
        }
        if (cols.isEmpty()) {
            Catalog.Table tt = table;
            Tok guess = head.stream().filter(t -> t.word() && catalog.findTable(t.text()).isEmpty() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !ADD.contains(t.text())
                    && !NOT_A_NAME.contains(t.text()) && !t.is("orders")).findFirst().orElse(null);
            if (guess == null) throw refuse("index " + table.name().name() + " on which column?", "e.g. \"index orders on status\"");
            throw refuse("unknown column " + guess.text() + " in table " + tt.name().display(), Suggest.hint(guess.text(), tt.columns().keySet(), "columns of " + tt.name().name()));
        }
        boolean fullText = w.has("gin") || w.has("full-text") || w.has("fulltext") || w.phrase("full", "text") || w.has("search");
        String predicate = where < 0 ? null : slots.conditions().predicate(table, w.sub(where + 1, all.size()));
        if (!filters.isEmpty()) predicate = String.join(" and ", predicate == null ? filters : concat(filters, predicate));
        String prefix = fullText ? "idx_fts" : "idx";
        String name = indexName(prefix, table.name().name(), cols);
        if (predicate != null) name = trim63(name + "_partial");
        return new CreateIndex(table.name(), name, List.copyOf(cols), false, predicate, fullText);
    }

    /**
     * A boolean column said as an adjective of the table ("published sessions", "active users"
     * for is_active): the rows the index holds, not one of its keys.
     */
    private static Optional<String> flagBefore(Catalog.Table table, List<Tok> head, int i) {
        if (i + 1 >= head.size() || !head.get(i + 1).word() || !table.name().name().equals(head.get(i + 1).text())
                && !Inflect.singular(table.name().name()).equals(head.get(i + 1).text())) return Optional.empty();
        String word = head.get(i).text();
        for (String c : List.of(word, "is_" + word)) {
            if (table.column(c).map(x -> x.type().equals("boolean")).orElse(false)) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    /** The index a drop request names; a constraint's index is refused (drop the constraint). */
    List<ChangeRequest> drop(Words w) {
        for (Tok t : w.all()) {
            if (!t.word()) continue;
            Optional<Catalog.Index> i = slots.catalog().findIndex(t.text());
            if (i.isPresent()) {
                if (i.get().constraint()) throw refuse("index " + t.text() + " belongs to a constraint", "drop the constraint instead");
                return List.of(new DropIndex(i.get().name(), i.get().definition()));
            }
        }
        Tok guess = w.all().stream().filter(t -> t.word() && !DROP.contains(t.text()) && !FILLER.contains(t.text()) && !t.is("index", "on", "from")).findFirst()
                .orElseThrow(() -> refuse("drop which index?", "e.g. \"drop the idx_products_old_code index\""));
        throw refuse("unknown index: " + guess.text(), Suggest.hint(guess.text(), slots.catalog().indexNames(), "indexes"));
    }
}
