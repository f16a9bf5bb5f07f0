package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Links a frame's table and column slots to the catalog: "customers.full_name", "products price",
 * "price on products". A name that links to nothing is refused with a did-you-mean, never invented.
 */
final class NameLinks {
    /** A table.column named in the request. */
    record ColRef(Catalog.Table table, Catalog.Column column) {}

    private final Catalog catalog;

    NameLinks(Catalog catalog) {
        this.catalog = catalog;
    }

    ColRef columnRef(Words w, List<Tok> scope) {
        for (Tok t : scope) {
            if (t.word() && t.text().contains(".") && !t.text().endsWith(".")) {
                String[] parts = t.text().split("\\.");
                if (parts.length == 2 && catalog.findTable(parts[0]).isPresent() || parts.length == 2 && catalog.findTable(t.text()).isEmpty()) {
                    Catalog.Table tab = catalog.table(parts[0]);
                    return new ColRef(tab, catalog.column(tab, parts[1]));
                }
            }
        }
        Optional<ColRef> linked = onlyTableColumnPair(scope);
        if (linked.isPresent()) return linked.get();
        Catalog.Table table = null;
        Tok tableTok = null;
        for (Tok t : scope) {
            if (!t.word() || FILLER.contains(t.text())) continue;
            Optional<Catalog.Table> ct = catalog.findTable(t.text());
            if (ct.isPresent() && (table == null)) { table = ct.get(); tableTok = t; }
        }
        if (table == null) {
            // no table named: the column's own name links it, or asks when several tables have it
            ColRef only = new ColumnLinker(catalog).link(w, scope);
            if (only != null) return only;
            // "refills must be between 0 and 12": the one table whose column the words name; two such tables are asked about
            Optional<ColumnLinker.Link> said = new ColumnLinker(catalog).only(scope, w.source());
            if (said.isPresent()) return new ColRef(said.get().table(), said.get().column());
            throw refuse("which table? none of the words names a known table in \"" + w.text() + "\"",
                    "write table.column, e.g. \"" + exampleColumn() + "\"; tables: " + String.join(", ", catalog.publicTableNames()));
        }
        for (Tok t : scope) {
            if (t == tableTok || !t.word()) continue;
            if (table.columns().containsKey(t.text())) return new ColRef(table, table.columns().get(t.text()));
        }
        for (Tok t : scope) {
            if (t == tableTok || !t.word()) continue;
            String one = Inflect.singular(t.text());
            if (table.columns().containsKey(one)) return new ColRef(table, table.columns().get(one));
        }
        // "invoice amounts" (amount_cents), "grade levels" (grade_level), "the category" (category_id)
        List<ColumnLinker.Link> said = new ColumnLinker(catalog).in(table, scope);
        if (!said.isEmpty()) return new ColRef(table, said.get(0).column());
        // the column word is the non-filler word next to the table
        Tok guess = null;
        int ti = scope.indexOf(tableTok);
        for (int d = 1; d < scope.size() && guess == null; d++) {
            for (int k : new int[] {ti + d, ti - d}) {
                if (k >= 0 && k < scope.size() && scope.get(k).word() && !FILLER.contains(scope.get(k).text()) && !STOP.contains(scope.get(k).text())) { guess = scope.get(k); break; }
            }
        }
        if (guess == null) throw refuse("which column of " + table.name().display() + "?", "write table.column, e.g. " + table.name().name() + "." + table.columns().keySet().iterator().next());
        throw refuse("unknown column " + guess.text() + " in table " + table.name().display(), Suggest.hint(guess.text(), table.columns().keySet(), "columns of " + table.name().name()));
    }

    /**
     * "delete the notes column from tasks" where notes is a table too: of every (table, column) the
     * words can name together, the one pair there is. None or several: the caller decides.
     */
    private Optional<ColRef> onlyTableColumnPair(List<Tok> scope) {
        Set<ColRef> pairs = new LinkedHashSet<>();
        for (Tok t : scope) {
            if (!t.word()) continue;
            Optional<Catalog.Table> ct = catalog.findTable(t.text());
            if (ct.isEmpty()) continue;
            for (Tok c : scope) {
                if (c == t || !c.word()) continue;
                ct.get().column(c.text()).or(() -> ct.get().column(Inflect.singular(c.text()))).ifPresent(col -> pairs.add(new ColRef(ct.get(), col)));
            }
        }
        if (pairs.isEmpty() && scope.stream().filter(t -> t.word() && catalog.findTable(t.text()).isPresent()).count() > 1) {
            // "the category should be mandatory on listings": of two tables named, the one whose column the other's word names (category_id)
            ColumnLinker linker = new ColumnLinker(catalog);
            for (Tok t : scope) {
                if (t.word()) catalog.findTable(t.text()).ifPresent(table -> linker.in(table, scope).forEach(l -> pairs.add(l.ref())));
            }
        }
        return pairs.size() == 1 ? Optional.of(pairs.iterator().next()) : Optional.empty();
    }

    private String exampleColumn() {
        return catalog.tables().values().stream().filter(t -> t.name().schema().equals("public") && !t.columns().isEmpty()).findFirst()
                .map(t -> t.name().name() + "." + t.columns().keySet().iterator().next()).orElse("orders.status");
    }

    /** The last table the scope names; with none, the last word that may name one (refused with a did-you-mean). */
    Catalog.Table lastTable(List<Tok> scope) {
        Catalog.Table found = null;
        for (Tok t : scope) {
            if (t.word()) {
                Optional<Catalog.Table> ct = catalog.findTable(t.text());
                if (ct.isPresent()) found = ct.get();
            }
        }
        if (found != null) return found;
        Tok guess = scope.stream().filter(t -> t.word() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !PolicyPhrases.WORDS.contains(t.text())
                && !t.is("rls", "row", "level", "security", "enable", "turn", "trigger", "updated_at", "add", "their", "own")).reduce((a, b) -> b)
                .orElseThrow(() -> refuse("which table?", "name the table, e.g. \"... on orders\""));
        return catalog.table(guess.text());
    }

    /** The first of these words that names a table; else the first non-filler word, refused as an unknown table. */
    Catalog.Table tableOrRefuse(List<Tok> words) {
        for (Tok t : words) if (catalog.findTable(t.text()).isPresent()) return catalog.findTable(t.text()).get();
        Tok guess = words.stream().filter(t -> !FILLER.contains(t.text())).findFirst()
                .orElseThrow(() -> refuse("which table?", "e.g. \"orders need a tracking_number\""));
        return catalog.table(guess.text());
    }

    /** Public tables with a column of this name (or its singular/plural). */
    List<Catalog.Table> columnOwners(String word) {
        return catalog.tables().values().stream().filter(t -> t.name().schema().equals("public"))
                .filter(t -> Inflect.variants(word).stream().anyMatch(v -> t.columns().containsKey(v))).toList();
    }

    /** A value for an enum-typed column must be one of its labels. */
    void checkEnumValue(Catalog.Column column, Tok value) {
        catalog.findEnum(column.type()).ifPresent(e -> {
            if (!e.values().contains(value.text())) {
                throw refuse("'" + value.text() + "' is not a value of " + e.name().name(), Suggest.hint(value.text(), e.values(), "values"));
            }
        });
    }
}
