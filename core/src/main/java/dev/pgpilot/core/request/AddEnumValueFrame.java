package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.request.ChangeRequest.AddEnumValue;
import dev.pgpilot.core.request.Lexer.Kind;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** "add 'refunded' to order_status", "order_status should include cancelled": slots enum (an existing one) and value. */
record AddEnumValueFrame(Slots slots) implements Frame {
    private static final Set<String> INCLUDE = Set.of("include", "includes", "allow", "support");

    @Override
    public boolean fits(Words w) {
        return target(w).isPresent() && w.any(Set.of("add", "include", "includes", "allow", "extend", "support"));
    }

    private Optional<Catalog.EnumType> target(Words w) {
        int to = w.lastIndexOf("to");
        if (to < 0) {
            // "order_status should include cancelled"
            return w.first().word() && w.any(INCLUDE) ? slots.catalog().findEnum(w.first().text()) : Optional.empty();
        }
        return w.sub(to + 1, w.size()).stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("enum", "type"))
                .findFirst().flatMap(t -> slots.catalog().findEnum(t.text()));
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog.EnumType e = target(w).orElseThrow();
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
