package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.DROP;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.ChangeRequest.DropColumn;
import dev.pgpilot.core.request.ChangeRequest.DropDefault;
import dev.pgpilot.core.request.ChangeRequest.DropTable;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "drop products.old_code", "remove the temp_exports table", "drop idx_orders_status", and, as
 * {@code notNeeded}, "we don't need tasks.done" / "get rid of notes": slot the table, column,
 * default or index. A bare name that is a table and also a column asks.
 */
record DropFrame(Slots slots, IndexFrame indexes, boolean notNeeded) implements Frame {
    @Override
    public boolean fits(Words w) {
        if (notNeeded) return w.phrase("not", "need") || w.phrase("no", "longer", "need") || w.phrase("get", "rid", "of");
        return w.asksToDrop() && !w.has("null") && !w.has("required");
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog catalog = slots.catalog();
        List<Tok> all = w.all();
        if (w.has("default")) {
            NameLinks.ColRef r = slots.names().columnRef(w, all);
            return List.of(new DropDefault(r.table().name(), r.column().name(), r.column().defaultSql()));
        }
        if (w.has("constraint") || w.has("check")) throw refuse("dropping constraints is not supported by plain-English requests yet", "write it with pgpilot new --empty NAME");
        for (Tok t : all) {
            if (t.word() && catalog.findIndex(t.text()).isPresent() && catalog.findTable(t.text()).isEmpty()) return indexes.drop(w);
        }
        boolean sayTable = w.has("table");
        boolean sayColumn = w.has("column") || all.stream().anyMatch(t -> t.text().contains("."));
        if (sayTable && !sayColumn) {
            Tok tt = all.stream().filter(t -> t.word() && !DROP.contains(t.text()) && !FILLER.contains(t.text()) && !STOP.contains(t.text()))
                    .findFirst().orElseThrow(() -> refuse("drop which table?", "e.g. \"drop the temp_exports table\""));
            Catalog.Table t = catalog.table(tt.text());
            return List.of(new DropTable(t.name(), TableShape.rebuild(t)));
        }
        List<Tok> named = all.stream().filter(t -> t.word() && !DROP.contains(t.text()) && !FILLER.contains(t.text()) && !STOP.contains(t.text())).toList();
        if (named.isEmpty()) throw refuse("drop what?", "name the column, table or index, e.g. \"remove column old_code from products\"");
        if (named.size() == 1 && (w.has("type") || w.has("enum")) && catalog.findEnum(named.get(0).text()).isPresent()) {
            throw refuse("dropping the enum type " + named.get(0).text() + " is not generated from plain English", "write it by hand: pgpilot new --empty NAME");
        }
        if (named.size() == 1) {
            Optional<ChangeRequest> one = bareName(w, named.get(0).text(), sayColumn);
            if (one.isPresent()) return List.of(one.get());
        }
        NameLinks.ColRef r = slots.names().columnRef(w, all);
        return List.of(dropColumn(r.table(), r.column()));
    }

    /** One bare name: the table it names, or the column of every table that has one by that name; more than one of these asks. */
    private Optional<ChangeRequest> bareName(Words w, String word, boolean sayColumn) {
        Optional<Catalog.Table> asTable = sayColumn ? Optional.empty() : slots.catalog().findTable(word);
        List<Catalog.Table> owners = slots.names().columnOwners(word);
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        asTable.ifPresent(t -> readings.add(new AmbiguousRequest.Reading("drop the table " + t.name().display() + " (and every row in it)", "drop table " + t.name().name())));
        // "drop term" with an enum term and a column courses.term: the type is a reading too (refused when chosen)
        if (!sayColumn && asTable.isEmpty()) slots.catalog().findEnum(word).ifPresent(e -> readings.add(new AmbiguousRequest.Reading("drop the enum type " + e.name().name(), "drop type " + e.name().name())));
        for (Catalog.Table t : owners) {
            String col = t.column(word).map(Catalog.Column::name).orElse(Inflect.singular(word));
            readings.add(new AmbiguousRequest.Reading("drop the column " + t.name().name() + "." + col, "drop column " + t.name().name() + "." + col));
        }
        if (readings.size() > 1) throw new AmbiguousRequest(w.source(), readings);
        if (asTable.isPresent()) return Optional.of(new DropTable(asTable.get().name(), TableShape.rebuild(asTable.get())));
        if (owners.size() == 1) {
            Catalog.Table t = owners.get(0);
            return Optional.of(dropColumn(t, t.column(word).orElseGet(() -> slots.catalog().column(t, Inflect.singular(word)))));
        }
        return Optional.empty();
    }

    private static ChangeRequest dropColumn(Catalog.Table t, Catalog.Column c) {
        List<String> deps = t.indexes().stream().filter(i -> !i.constraint() && i.columns().contains(c.name()) && i.columns().size() == 1).map(Catalog.Index::definition).toList();
        return new DropColumn(t.name(), c.toDef(), deps);
    }
}
