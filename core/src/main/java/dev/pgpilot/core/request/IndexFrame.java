package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.indexName;
import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.DROP;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.CreateIndex;
import dev.pgpilot.core.request.ChangeRequest.DropIndex;
import dev.pgpilot.core.request.RequestLexer.Tok;
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
        boolean index = w.has("index") || w.has("indexes") || w.phrase("speed", "up") || w.has("lookups") || w.has("searchable") || w.first().is("index")
                || needs(w);
        return index && (w.asksToDrop() || !w.has("unique"));
    }

    /**
     * A need said instead of an index: "lookups of patients by email are slow", "we filter orders by
     * status and created_at a lot" — what is looked up, filtered or sorted by is the key.
     */
    private static boolean needs(Words w) {
        boolean by = w.has("by");
        return w.has("slow") || w.has("slowly") || by && w.any(NEED_VERBS);
    }

    private static final Set<String> NEED_VERBS = Set.of("filter", "filters", "filtering", "sort", "sorts", "sorting", "query", "queries", "querying",
            "lookup", "look", "find", "finding", "search", "searches", "searching");

    @Override
    public List<ChangeRequest> read(Words w) {
        if (w.asksToDrop()) return drop(w);
        if (ForeignKeyIndexes.asked(w)) return ForeignKeyIndexes.read(slots.catalog(), w);
        return List.of(create(w));
    }

    private ChangeRequest create(Words w) {
        Catalog catalog = slots.catalog();
        List<Tok> all = w.all();
        int where = w.indexOfAny(Set.of("where", "when", "if"));
        List<Tok> head = where < 0 ? all : w.sub(0, where);
        Catalog.Table table = table(w, head);
        List<IndexOrder.Key> keys = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<String> rowWords = new ArrayList<>();
        for (int i = 0; i < head.size(); i++) {
            Tok t = head.get(i);
            if (!t.word() || IndexOrder.orderWord(t)) continue;
            Optional<RowWords.Filter> flag = RowWords.before(catalog, table, head, i, where >= 0);
            if (flag.isPresent()) {
                if (flag.get().sql() != null) filters.add(flag.get().sql());
                if (flag.get().column() != null) flags.add(flag.get().column());
                rowWords.add(flag.get().word());
                continue;
            }
            String c = t.text().startsWith(table.name().name() + ".") ? t.text().substring(t.text().indexOf('.') + 1) : t.text();
            if (table.columns().containsKey(c) && keys.stream().noneMatch(k -> k.column().equals(c)) && !catalog.findTable(c).isPresent()) keys.add(new IndexOrder.Key(c, i + 1));
        }
        if (head.stream().noneMatch(t -> t.text().contains("."))) {
            // "by doctor and start time": the words that link to columns, in the order they are said (a row filter's flag is not one)
            List<IndexOrder.Key> linked = new ColumnLinker(catalog).in(table, head).stream().filter(l -> !flags.contains(l.column().name()))
                    .map(l -> new IndexOrder.Key(l.column().name(), l.to())).toList();
            if (!linked.isEmpty() && linked.stream().map(IndexOrder.Key::column).toList().containsAll(keys.stream().map(IndexOrder.Key::column).toList())) keys = new ArrayList<>(linked);
        }
        if (keys.isEmpty() && !filters.isEmpty()) {
            throw refuse("index which column of the " + table.name().name() + " rows where " + String.join(" and ", filters).replace("\"", "") + "?",
                    "e.g. \"index published posts by created_at\": the rows the index holds, then the column it sorts");
        }
        if (keys.isEmpty()) keys.addAll(byReference(w, table, head));
        if (keys.isEmpty()) {
            Tok guess = head.stream().filter(t -> t.word() && catalog.findTable(t.text()).isEmpty() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !ADD.contains(t.text())
                    && !NOT_A_NAME.contains(t.text()) && !IndexOrder.orderWord(t)).findFirst().orElse(null);
            if (guess == null) throw refuse("index " + table.name().name() + " on which column?", "e.g. \"index orders on status\"");
            throw refuse("unknown column " + guess.text() + " in table " + table.name().display(), Suggest.hint(guess.text(), table.columns().keySet(), "columns of " + table.name().name()));
        }
        IndexOrder.Order order = IndexOrder.of(table, head, keys);
        List<String> cols = order.columns();
        TextKeys.refuseSubstringSearch(w, table, cols);
        List<String> lowered = TextKeys.lowered(w, head, table, cols);
        boolean gin = w.has("gin") || w.has("full-text") || w.has("fulltext") || w.phrase("full", "text") || w.has("search");
        // gin on jsonb, an array or a tsvector indexes the column itself; on text it indexes the words (to_tsvector)
        boolean itself = gin && cols.stream().allMatch(c -> ginItself(table.columns().get(c).type()));
        if (gin && !itself && cols.stream().anyMatch(c -> ginItself(table.columns().get(c).type()))) {
            throw refuse("a gin index over " + String.join(" and ", cols) + " mixes text with jsonb, array or tsvector columns", "index each kind on its own");
        }
        if (gin && !order.descending().isEmpty()) throw refuse("a gin index has no order: \"desc\" does not apply to it", "leave out the order, or ask for a plain index");
        String predicate = where < 0 ? null : slots.conditions().predicate(table, w.sub(where + 1, all.size()));
        for (String f : filters) if (predicate == null || !predicate.equals(f)) predicate = predicate == null ? f : f + " and " + predicate;
        if (!lowered.isEmpty() && (gin || !order.descending().isEmpty())) throw refuse("lower(...) goes into a plain index", "ask for the lower(...) index on its own");
        String name = indexName(gin && !itself ? "idx_fts" : "idx", table.name().name(), cols.stream().map(c -> lowered.contains(c) ? "lower_" + c : c).toList());
        if (predicate != null) name = trim63(name + "_" + (rowWords.isEmpty() ? "partial" : String.join("_", rowWords)));
        return new CreateIndex(table.name(), name, cols, false, predicate, gin && !itself, order.descending(), itself, lowered);
    }


    /**
     * "index reviews by user": the foreign key column to the table a word names (users: auth.users).
     * Two such columns (reviewer_id, seller_id) are asked about, never picked.
     */
    private List<IndexOrder.Key> byReference(Words w, Catalog.Table table, List<Tok> head) {
        for (int i = 0; i < head.size(); i++) {
            Tok t = head.get(i);
            if (!t.word() || STOP.contains(t.text()) || FILLER.contains(t.text()) || NOT_A_NAME.contains(t.text())) continue;
            Optional<QualifiedName> target = t.is("user", "users") ? Optional.of(new QualifiedName("auth", "users"))
                    : slots.catalog().findTable(t.text()).filter(x -> !x.equals(table)).map(Catalog.Table::name);
            if (target.isEmpty()) continue;
            List<String> fks = table.constraints().stream().filter(c -> c.type().equals("f") && c.columns().size() == 1 && target.get().equals(c.references()))
                    .map(c -> c.columns().get(0)).distinct().toList();
            if (fks.size() == 1) return List.of(new IndexOrder.Key(fks.get(0), i + 1));
            if (fks.size() > 1) {
                String name = table.name().name();
                throw new AmbiguousRequest(w.source(), fks.stream().map(c -> new AmbiguousRequest.Reading("index on " + name + "." + c + " (it references " + target.get().display() + ")",
                        "index " + name + " on " + name + "." + c)).toList());
            }
        }
        return List.of();
    }

    private static boolean ginItself(String type) {
        return type.equals("jsonb") || type.endsWith("[]") || type.equals("tsvector");
    }

    /** The table the words name ("api keys" for api_keys too); else the one table that has the column named; else refused. */
    private Catalog.Table table(Words w, List<Tok> head) {
        Catalog catalog = slots.catalog();
        for (int i = 0; i < head.size(); i++) {
            Tok t = head.get(i);
            if (!t.word()) continue;
            String word = t.text().contains(".") ? t.text().substring(0, t.text().indexOf('.')) : t.text();
            Optional<Catalog.Table> ct = catalog.findTable(word);
            if (ct.isPresent()) return ct.get();
            if (i + 1 < head.size() && head.get(i + 1).word() && !head.get(i + 1).text().contains(".")) {
                ct = catalog.findTable(word + "_" + head.get(i + 1).text());
                if (ct.isPresent()) return ct.get();
            }
        }
        // "index status": the tables that have the column; one links, several ask
        NameLinks.ColRef only = new ColumnLinker(catalog).link(w, head.stream().filter(t -> !NOT_A_NAME.contains(t.text())).toList());
        if (only != null) return only.table();
        Tok guess = head.stream().filter(t -> t.word() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !ADD.contains(t.text())
                && !NOT_A_NAME.contains(t.text()) && !IndexOrder.orderWord(t)).findFirst().orElse(null);
        if (guess == null) throw refuse("index which table?", "e.g. \"index orders on status\"");
        return catalog.table(guess.text());
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
        int on = w.indexOfAny(Set.of("on", "for"));
        if (on >= 0) {
            Optional<List<ChangeRequest>> byColumn = dropOn(w, w.sub(on + 1, w.size()));
            if (byColumn.isPresent()) return byColumn.get();
        }
        Tok guess = w.all().stream().filter(t -> t.word() && !DROP.contains(t.text()) && !FILLER.contains(t.text()) && !t.is("index", "on", "from")).findFirst()
                .orElseThrow(() -> refuse("drop which index?", "e.g. \"drop the idx_products_old_code index\""));
        throw refuse("unknown index: " + guess.text(), Suggest.hint(guess.text(), slots.catalog().indexNames(), "indexes"));
    }

    /**
     * "drop the index on payments.gym_id": the one index whose keys are that column. A constraint's
     * index is refused (drop the constraint); two such indexes are asked about, never picked.
     */
    private Optional<List<ChangeRequest>> dropOn(Words w, List<Tok> scope) {
        NameLinks.ColRef ref;
        try {
            ref = slots.names().columnRef(w, scope);
        } catch (PilotException e) {
            return Optional.empty();
        }
        List<Catalog.Index> on = ref.table().indexes().stream().filter(i -> i.columns().equals(List.of(ref.column().name()))).toList();
        String col = ref.table().name().name() + "." + ref.column().name();
        if (on.isEmpty()) {
            throw refuse("no index on " + col + " to drop", "indexes of " + ref.table().name().name() + ": "
                    + String.join(", ", ref.table().indexes().stream().map(i -> i.name().name()).toList()));
        }
        List<Catalog.Index> plain = on.stream().filter(i -> !i.constraint()).toList();
        if (plain.isEmpty()) throw refuse("the index on " + col + " belongs to a constraint (" + on.get(0).name().name() + ")", "drop the constraint instead");
        if (plain.size() > 1) {
            throw new AmbiguousRequest(w.source(), plain.stream().map(i -> new AmbiguousRequest.Reading("drop index " + i.name().name() + " (" + i.definition() + ")",
                    "drop index " + i.name().name())).toList());
        }
        return Optional.of(List.of(new DropIndex(plain.get(0).name(), plain.get(0).definition(), col)));
    }
}
