package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.FILLER;
import static dev.pgpilot.core.request.Vocabulary.RENAME;
import static dev.pgpilot.core.request.Vocabulary.STOP;

import dev.pgpilot.core.request.ChangeRequest.RenameColumn;
import dev.pgpilot.core.request.ChangeRequest.RenameTable;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * "rename customers.full_name to display_name", "rename the orders table to purchases": slots
 * table or column, and the new name. A bare name that is a table and also a column asks.
 */
record RenameFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        return w.any(RENAME) || (w.first().is("change", "rename") && !w.hasType() && !w.has("type") && w.has("to")
                && w.lastWordAfter("to").map(x -> !TypeWords.isTypeWord(x)).orElse(false) && w.dotted().isPresent());
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog catalog = slots.catalog();
        List<Tok> all = w.all();
        int to = w.lastIndexOf("to");
        if (to < 0) to = w.lastIndexOf("as");
        if (to < 0 || to + 1 >= all.size()) throw refuse("rename to what?", "e.g. \"rename customers.full_name to display_name\"");
        String newName = Quote.checkIdentifier(all.get(to + 1).text());
        List<Tok> before = w.sub(0, to);
        java.util.Optional<ChangeRequest> type = typeRename(w, before, newName);
        if (type.isPresent()) return List.of(type.get());
        boolean tableRename = before.stream().anyMatch(t -> t.is("table")) && before.stream().noneMatch(t -> t.is("column") || t.text().contains("."));
        if (!tableRename && before.stream().noneMatch(t -> t.text().contains(".") || t.is("column"))) {
            // "rename orders to purchases": one known table and nothing else
            long tables = before.stream().filter(t -> t.word() && catalog.findTable(t.text()).isPresent()).count();
            boolean colWord = before.stream().anyMatch(t -> t.word() && catalog.findTable(t.text()).isEmpty() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !RENAME.contains(t.text()));
            tableRename = tables == 1 && !colWord;
        }
        if (tableRename && before.stream().noneMatch(t -> t.is("table"))) askTableOrColumn(w, before, newName);
        if (tableRename) {
            Tok tt = before.stream().filter(t -> t.word() && !STOP.contains(t.text()) && !FILLER.contains(t.text()) && !RENAME.contains(t.text()))
                    .findFirst().orElseThrow(() -> refuse("rename which table?", "e.g. \"rename the temp_exports table to exports\""));
            Catalog.Table t = catalog.table(tt.text());
            if (catalog.findTable(newName).filter(x -> x.name().name().equals(newName)).isPresent()) throw refuse("table " + newName + " already exists", "pick another name");
            return List.of(new RenameTable(t.name(), newName));
        }
        NameLinks.ColRef r = slots.names().columnRef(w, before);
        if (r.table().columns().containsKey(newName)) throw refuse("column " + newName + " already exists in " + r.table().name().display(), "pick another name");
        return List.of(new RenameColumn(r.table().name(), r.column().name(), newName));
    }

    /**
     * A name that is an enum is the type's rename when the words say "type" or "enum", or when no
     * column has that name; a bare name that is also a column ("rename term to semester" with
     * courses.term) asks which, never reads it as one of them.
     */
    private java.util.Optional<ChangeRequest> typeRename(Words w, List<Tok> before, String newName) {
        // a value's rename ("rename the priority value high to top") is RenameEnumValueFrame's
        if (before.stream().anyMatch(t -> t.is("column", "table", "value", "label", "option") || t.text().contains("."))) return java.util.Optional.empty();
        Tok named = before.stream().filter(t -> t.word() && slots.catalog().findEnum(t.text()).isPresent()).findFirst().orElse(null);
        if (named == null) return java.util.Optional.empty();
        Catalog.EnumType e = slots.catalog().findEnum(named.text()).get();
        String type = e.name().name();
        if (slots.catalog().findEnum(newName).isPresent() || slots.catalog().findTable(newName).isPresent()) {
            throw refuse("cannot rename the enum " + type + " to " + newName + ": a type or table of that name exists", "pick another name");
        }
        List<String> columns = slots.names().columnOwners(named.text()).stream().map(o -> o.name().name() + "." + named.text()).toList();
        if (before.stream().anyMatch(t -> t.is("type", "enum")) || columns.isEmpty()) return java.util.Optional.of(new ChangeRequest.RenameEnum(e.name(), newName));
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        readings.add(new AmbiguousRequest.Reading("rename the enum " + type + " to " + newName, "rename type " + type + " to " + newName));
        for (String c : columns) readings.add(new AmbiguousRequest.Reading("rename the column " + c + " to " + newName, "rename column " + c + " to " + newName));
        throw new AmbiguousRequest(w.source(), readings);
    }

    /** "rename notes to memos": the notes table, or the notes column of a table that has one? */
    private void askTableOrColumn(Words w, List<Tok> before, String newName) {
        Tok only = before.stream().filter(t -> t.word() && slots.catalog().findTable(t.text()).isPresent()).findFirst().orElseThrow();
        Catalog.Table t = slots.catalog().table(only.text());
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        readings.add(new AmbiguousRequest.Reading("rename the table " + t.name().display() + " to " + newName, "rename table " + t.name().name() + " to " + newName));
        for (Catalog.Table o : slots.names().columnOwners(only.text())) {
            String col = o.column(only.text()).map(Catalog.Column::name).orElse(Inflect.singular(only.text()));
            readings.add(new AmbiguousRequest.Reading("rename the column " + o.name().name() + "." + col + " to " + newName, "rename column " + o.name().name() + "." + col + " to " + newName));
        }
        if (readings.size() > 1) throw new AmbiguousRequest(w.source(), readings);
    }
}
