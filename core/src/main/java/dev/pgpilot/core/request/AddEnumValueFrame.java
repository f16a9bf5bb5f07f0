package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.request.ChangeRequest.AddEnumValue;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** "add 'refunded' to order_status", "order_status should include cancelled": slots enum (an existing one) and value. */
record AddEnumValueFrame(Slots slots) implements Frame {
    private static final Set<String> INCLUDE = Set.of("include", "includes", "allow", "support");

    @Override
    public boolean fits(Words w) {
        return !targets(w).isEmpty() && w.any(Set.of("add", "include", "includes", "allow", "extend", "support"));
    }

    /** The enum named after "to" (or first, "order_status should include ..."), else the enums of the columns that word names ("the status enum"). */
    private List<Catalog.EnumType> targets(Words w) {
        int to = w.lastIndexOf("to");
        if (to < 0) {
            // "order_status should include cancelled"
            return w.first().word() && w.any(INCLUDE) ? slots.catalog().findEnum(w.first().text()).stream().toList() : List.of();
        }
        Optional<Tok> word = w.sub(to + 1, w.size()).stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("enum", "type")).findFirst();
        if (word.isEmpty()) return List.of();
        Optional<Catalog.EnumType> named = slots.catalog().findEnum(word.get().text());
        if (named.isPresent() || !w.sub(to + 1, w.size()).stream().anyMatch(t -> t.is("enum", "type"))) return named.stream().toList();
        Set<Catalog.EnumType> typed = new LinkedHashSet<>();
        for (ColumnReadings.Candidate c : new ColumnReadings(slots.catalog()).candidates(List.of(word.get()))) {
            slots.catalog().findEnum(c.column().column().type()).ifPresent(typed::add);
        }
        return List.copyOf(typed);
    }

    /** One enum, or an {@link AmbiguousRequest} whose readings name each enum the word's columns use. */
    private Catalog.EnumType target(Words w) {
        List<Catalog.EnumType> found = targets(w);
        if (found.size() == 1) return found.get(0);
        int to = w.lastIndexOf("to");
        Tok word = w.sub(to + 1, w.size()).stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("enum", "type")).findFirst().orElseThrow();
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        for (Catalog.EnumType e : found) {
            String request = ColumnReadings.rewrite(w.source(), word, e.name().name());
            readings.add(new AmbiguousRequest.Reading("the enum " + e.name().name() + ": " + request, request));
        }
        throw new AmbiguousRequest(w.source(), readings);
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog.EnumType e = target(w);
        int to = w.lastIndexOf("to");
        if (to < 0) {
            int verb = w.indexOfAny(INCLUDE);
            Tok v = w.sub(verb + 1, w.size()).stream().filter(t -> t.kind() == Kind.QUOTED || t.word() && !FILLER.contains(t.text()) && !t.is("value", "the"))
                    .findFirst().orElseThrow(() -> refuse("add which value to " + e.name().name() + "?", null));
            String value = v.kind() == Kind.QUOTED ? v.text() : v.raw();
            return List.of(new AddEnumValue(e.name(), value));
        }
        Tok v = w.sub(0, to).stream().filter(t -> t.kind() == Kind.QUOTED).findFirst()
                .or(() -> w.sub(0, to).stream().filter(t -> t.word() && !ADD.contains(t.text()) && !FILLER.contains(t.text()) && !t.is("value", "option", "status", "to", "include", "allow", "extend", "support")).reduce((a, b) -> b))
                .orElseThrow(() -> refuse("add which value to " + e.name().name() + "?", "e.g. \"add 'refunded' to " + e.name().name() + "\""));
        String value = v.kind() == Kind.QUOTED ? v.text() : v.raw();
        if (value.isEmpty() || value.length() > 63) throw refuse("bad enum value: " + v.raw(), "values are 1 to 63 characters");
        return List.of(new AddEnumValue(e.name(), value));
    }
}
