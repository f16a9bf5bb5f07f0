package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "add notes text to orders", "add labels.color varchar(7)", "orders need a tracking_number":
 * slots table and a list of columns. Loose, it is the last resort for a request that only says
 * "should have"/"has"; strict, it needs an adding verb first or a wish ("needs", "should have").
 */
record AddColumnsFrame(Slots slots, boolean loose) implements Frame {
    private static final Set<String> WISH = Set.of("need", "needs", "want", "wants");

    static boolean adding(Words w) {
        return w.first().is("add", "introduce", "create", "include", "give");
    }

    @Override
    public boolean fits(Words w) {
        if (loose) return w.any(ADD) || w.has("should") || w.has("have") || w.has("has");
        boolean wants = w.any(WISH) || w.phrase("should", "have") || w.phrase("must", "have") || w.phrase("should", "also", "have");
        // "add a unique index on profiles.username" adds an index, not a column
        boolean index = (w.has("index") || w.has("indexes")) && !w.has("column") && !w.has("columns");
        return adding(w) && !w.has("check") && !w.has("constraint") && !index || wants;
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog catalog = slots.catalog();
        // "<verb> <column spec> to|on|in <table>" or "<table> need(s)/should have <column spec>"
        int to = tablePreposition(w);
        Catalog.Table table;
        List<Tok> spec;
        int verb = w.indexOfAny(Set.of("need", "needs", "should", "want", "wants", "have", "has", "must", "require", "requires"));
        Optional<Catalog.Table> given = w.first().is("give") && w.size() > 2 && w.tok(1).word() ? catalog.findTable(w.tok(1).text()) : Optional.empty();
        if (given.isPresent()) {
            // "give tasks a story_points smallint": the table is who gets it, the rest the column
            table = given.get();
            spec = w.sub(2, w.size());
        } else if (verb > 0 && !w.any(Set.of("add", "create", "introduce"))) {
            table = slots.names().tableOrRefuse(w.tok(0).word() ? w.wordsBetween(0, verb) : List.of());
            int from = verb + 1;
            while (from < w.size() && w.tok(from).is("have", "has", "also", "always", "get", "to", "be", "able", "store", "track", "keep")) from++;
            spec = w.sub(from, w.size());
        } else {
            Optional<Tok> dotted = w.dotted().filter(d -> catalog.findTable(d.text().substring(0, d.text().indexOf('.'))).isPresent());
            if (dotted.isPresent() && (to < 0 || to > w.indexOf(dotted.get(), 0))) return dottedColumn(w, dotted.get());
            if (to < 0 || to + 1 >= w.size()) {
                throw refuse("incomplete request: which column, on which table?", "e.g. \"add notes text to orders\"");
            }
            int end = to + 1;
            List<Tok> tail = w.sub(to + 1, w.size());
            Tok tableTok = tail.stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("table")).findFirst()
                    .orElseThrow(() -> refuse("incomplete request: which table?", "e.g. \"add notes text to orders\""));
            table = catalog.table(tableTok.text());
            int after = w.indexOf(tableTok, end);
            if (after + 1 < w.size() && w.tok(after + 1).is("table")) after++; // "... to the users table"
            spec = new ArrayList<>(w.sub(w.indexOfAny(ADD) + 1, to));
            List<Tok> afterTable = w.sub(after + 1, w.size());
            if (!afterTable.isEmpty()) spec.add(ColumnPhrase.tableNamedHere(tableTok));
            spec.addAll(afterTable);
        }
        List<ChangeRequest> out = new ArrayList<>();
        List<List<Tok>> parts = ColumnList.split(spec);
        boolean namesThenTypes = ColumnList.namesThenTypes(parts);
        for (List<Tok> part : parts) add(out, table.name(), slots.columns().column(part, namesThenTypes));
        if (out.isEmpty()) throw refuse("incomplete request: which column?", "e.g. \"add notes text to " + table.name().name() + "\"");
        return out;
    }

    /** "add labels.color varchar(7)": table.column, then the column's description. */
    private List<ChangeRequest> dottedColumn(Words w, Tok d) {
        Catalog.Table t = slots.catalog().table(d.text().substring(0, d.text().indexOf('.')));
        List<Tok> part = new ArrayList<>();
        part.add(new Tok(Kind.WORD, d.text().substring(d.text().indexOf('.') + 1), d.raw()));
        part.addAll(w.sub(w.indexOf(d, 0) + 1, w.size()));
        List<ChangeRequest> out = new ArrayList<>();
        add(out, t.name(), slots.columns().column(part));
        return out;
    }

    private static void add(List<ChangeRequest> out, QualifiedName table, ColumnDef c) {
        out.add(new AddColumn(table, c));
        if (c.references() != null) out.add(ColumnList.foreignKeyIndex(table, c.name()));
    }

    /**
     * The "to/on/in/into/for" that introduces the table: the last one followed by a known table, so
     * "defaulting to an empty object to profiles" and "references patients on delete set null to
     * appointments" find the table at the end; the first one when none names a table (for the error).
     */
    private int tablePreposition(Words w) {
        Set<String> preps = Set.of("to", "on", "in", "into", "for");
        for (int i = w.size() - 2; i >= 0; i--) {
            if (!preps.contains(w.tok(i).text()) || w.tok(i).kind() == Kind.QUOTED) continue;
            int j = i + 1;
            while (j < w.size() && (FILLER.contains(w.tok(j).text()) || w.tok(j).is("table"))) j++;
            if (j < w.size() && w.tok(j).word() && slots.catalog().findTable(w.tok(j).text()).isPresent()) return i;
        }
        return w.indexOfAny(preps);
    }
}
