package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Links the words people name an enum by to the enum: its name ("task_priority"), its words
 * ("payment state" for payment_state), or a column that has it as its type ("booking status" for
 * bookings.status, "plan" for subscriptions.plan). Several enums are returned as they are found:
 * the caller asks which, never picks.
 */
final class EnumWords {
    /** Words that say "an enum" or "a value" without naming one. */
    static final Set<String> DESCRIBING = Set.of("enum", "type", "value", "values", "option", "options", "level", "state", "status", "kind", "stage", "choice");

    private final Catalog catalog;

    EnumWords(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The enums the words name, in the order found; empty when they name none. A column's enum
     * counts only when the words say it is one ("the booking status enum", "offer status"), so
     * "add x to tasks.title" is never a value for some enum.
     */
    List<Catalog.EnumType> named(List<Tok> words) {
        return named(words, words.stream().anyMatch(t -> t.word() && DESCRIBING.contains(t.text())));
    }

    /** @param viaColumns whether a column's type may be the enum meant ("notes.priority can also be blocked") */
    List<Catalog.EnumType> named(List<Tok> words, boolean viaColumns) {
        List<Tok> w = words.stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("enum", "type", "the")).toList();
        // "priority level", "offer status": the words before one that only says "a value" may be the enum's name
        while (w.size() > 1 && DESCRIBING.contains(w.get(w.size() - 1).text()) && catalog.findEnum(String.join("_", w.stream().map(Tok::text).toList())).isEmpty()
                && catalog.findEnum(String.join("_", w.subList(0, w.size() - 1).stream().map(Tok::text).toList())).isPresent()) w = w.subList(0, w.size() - 1);
        if (w.isEmpty() || w.size() > 3) return List.of();
        Set<Catalog.EnumType> out = new LinkedHashSet<>();
        catalog.findEnum(String.join("_", w.stream().map(Tok::text).toList())).ifPresent(out::add);
        if (!out.isEmpty()) return List.copyOf(out);
        if (w.size() == 1) catalog.findEnum(w.get(0).text()).ifPresent(out::add);
        if (!out.isEmpty()) return List.copyOf(out);
        if (!viaColumns) return List.of();
        for (NameLinks.ColRef c : columns(w)) catalog.findEnum(c.column().type()).ifPresent(out::add);
        return List.copyOf(out);
    }

    /**
     * The table.column whose type the words named the enum by ("notes.priority", "booking status"),
     * empty when they name the enum itself: the change carries it, as the words the request spent on it.
     */
    Optional<String> column(List<Tok> words, Catalog.EnumType e) {
        if (named(words, false).contains(e)) return Optional.empty();
        List<Tok> w = words.stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("enum", "type", "the")).toList();
        if (w.isEmpty() || w.size() > 3) return Optional.empty();
        return columns(w).stream().filter(c -> catalog.findEnum(c.column().type()).filter(e::equals).isPresent())
                .map(c -> c.table().name().name() + "." + c.column().name()).findFirst();
    }

    /** "booking status": the status column of bookings; "plan": every public table's column the word names. */
    private List<NameLinks.ColRef> columns(List<Tok> w) {
        List<NameLinks.ColRef> out = new ArrayList<>();
        if (w.get(0).text().contains(".")) {
            String[] p = w.get(0).text().split("\\.");
            catalog.findTable(p[0]).ifPresent(t -> t.column(p[1]).ifPresent(c -> out.add(new NameLinks.ColRef(t, c))));
            return out;
        }
        Optional<Catalog.Table> table = w.size() > 1 ? catalog.findTable(w.get(0).text()) : Optional.empty();
        List<Tok> rest = table.isPresent() ? w.subList(1, w.size()) : w;
        List<Catalog.Table> where = table.map(List::of).orElse(catalog.tables().values().stream().filter(t -> t.name().schema().equals("public")).toList());
        ColumnLinker links = new ColumnLinker(catalog);
        for (Catalog.Table t : where) {
            List<ColumnLinker.Link> l = links.in(t, rest);
            if (l.size() == 1 && l.get(0).from() == 0 && l.get(0).to() == rest.size()) out.add(new NameLinks.ColRef(t, l.get(0).column()));
            else if (rest.size() == 1) t.column(rest.get(0).text()).ifPresent(c -> out.add(new NameLinks.ColRef(t, c)));
        }
        return out;
    }
}
