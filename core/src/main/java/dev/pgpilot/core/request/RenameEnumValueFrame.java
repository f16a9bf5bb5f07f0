package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.request.ChangeRequest.RenameEnumValue;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "rename the appointment_status value requested to pending", "rename booking status no_show to
 * missed", "rename the enrollment status 'completed' to 'passed'": slots enum, the value it has and
 * the new one. The enum is named, or is the type of the column named, or (named by neither) the one
 * enum that has the value; several are asked about.
 */
record RenameEnumValueFrame(Slots slots) implements Frame {
    private static final Set<String> VERBS = Set.of("rename", "call", "change");

    /** @param from the value token; @param rest the words that should name the enum */
    private record Shape(Tok from, Tok to, List<Tok> rest) {}

    @Override
    public boolean fits(Words w) {
        return w.any(VERBS) && shape(w).isPresent();
    }

    private Optional<Shape> shape(Words w) {
        List<Tok> all = w.all();
        int to = w.lastIndexOf("to");
        if (to < 1 || to + 1 >= all.size()) return Optional.empty();
        Tok target = all.get(to + 1);
        if (!(target.word() || target.kind() == Kind.QUOTED) || to + 2 != all.size()) return Optional.empty();
        int at = to - 1;
        List<Tok> named = new ArrayList<>();
        int of = ofEnum(all, to);
        if (of > 0) {
            // "rename the enum value 'low' of priority to 'minor'": the value, then the enum it belongs to
            at = of - 1;
            named.addAll(words(all.subList(of + 1, to)));
        }
        Tok from = all.get(at);
        if (!(from.word() || from.kind() == Kind.QUOTED) || enumsWith(value(from)).isEmpty()) return Optional.empty();
        named.addAll(0, words(all.subList(0, at)));
        return Optional.of(new Shape(from, target, named));
    }

    /** Where "of"/"in" stands between a value and the words naming an enum, right before "to"; or -1. */
    private int ofEnum(List<Tok> all, int to) {
        for (int i = to - 2; i >= 1; i--) {
            if (!all.get(i).is("of", "in") || all.get(i).kind() != Kind.WORD) continue;
            Tok value = all.get(i - 1);
            if (!(value.word() || value.kind() == Kind.QUOTED) || enumsWith(value(value)).isEmpty()) return -1;
            List<Tok> words = new ArrayList<>(words(all.subList(i + 1, to)));
            words.add(new Tok(Kind.WORD, "enum", "enum"));
            return words.size() > 1 && !new EnumWords(slots.catalog()).named(words).isEmpty() ? i : -1;
        }
        return -1;
    }

    private static List<Tok> words(List<Tok> toks) {
        return toks.stream().filter(t -> t.word() && !VERBS.contains(t.text()) && !FILLER.contains(t.text())
                && !t.is("value", "the", "enum", "in", "of", "label")).toList();
    }

    private List<Catalog.EnumType> enumsWith(String value) {
        return slots.catalog().enums().values().stream().filter(e -> e.name().schema().equals("public") && e.values().contains(value)).toList();
    }

    private static String value(Tok t) {
        return t.kind() == Kind.QUOTED ? t.text() : t.raw();
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Shape s = shape(w).orElseThrow();
        String from = value(s.from());
        List<Catalog.EnumType> having = enumsWith(from);
        List<Catalog.EnumType> found;
        if (s.rest().isEmpty()) {
            found = having;
            // "rename done to finished" with a column done: the column, or the value? asked
            List<String> columns = slots.catalog().tables().values().stream().filter(t -> t.name().schema().equals("public") && t.columns().containsKey(from))
                    .map(t -> t.name().name() + "." + from).toList();
            if (!columns.isEmpty()) {
                List<AmbiguousRequest.Reading> readings = new ArrayList<>();
                for (String c : columns) readings.add(new AmbiguousRequest.Reading("rename the column " + c, "rename " + c + " to " + value(s.to())));
                for (Catalog.EnumType e : having) readings.add(new AmbiguousRequest.Reading("rename the value " + from + " of " + e.name().name(),
                        "rename the " + e.name().name() + " value " + from + " to " + value(s.to())));
                throw new AmbiguousRequest(w.source(), readings);
            }
        } else {
            // "enum" said or not, the words name an enum here: a value is being renamed
            List<Tok> words = new ArrayList<>(s.rest());
            words.add(new Tok(Kind.WORD, "enum", "enum"));
            found = new EnumWords(slots.catalog()).named(words).stream().filter(having::contains).toList();
            if (found.isEmpty()) throw refuse("'" + from + "' is not a value of the enum \"" + Words.raw(s.rest()) + "\" names",
                    "enums with that value: " + String.join(", ", having.stream().map(e -> e.name().name()).toList()));
        }
        if (found.size() > 1) {
            throw new AmbiguousRequest(w.source(), found.stream().map(e -> new AmbiguousRequest.Reading("the value " + from + " of " + e.name().name(),
                    "rename the " + e.name().name() + " value " + from + " to " + value(s.to()))).toList());
        }
        Catalog.EnumType e = found.get(0);
        String to = value(s.to());
        if (to.isEmpty() || to.length() > 63) throw refuse("bad enum value: " + s.to().raw(), "values are 1 to 63 characters");
        if (e.values().contains(to)) throw refuse("'" + to + "' is already a value of " + e.name().name(), "its values: " + String.join(", ", e.values()));
        return List.of(new RenameEnumValue(e.name(), from, to));
    }
}
