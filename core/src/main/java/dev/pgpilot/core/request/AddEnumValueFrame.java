package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;
import static dev.pgpilot.core.request.Vocabulary.FILLER;

import dev.pgpilot.core.request.ChangeRequest.AddEnumValue;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "add 'refunded' to order_status", "order_status should include cancelled", "add an expired offer
 * status", "add 'review' to task_status between in_progress and done", "add a winter term before
 * spring", "status can also be archived": slots enum (an existing one, named or the type of the
 * column named), value and position (before or after a value it has).
 */
record AddEnumValueFrame(Slots slots) implements Frame {
    private static final Set<String> INCLUDE = Set.of("include", "includes", "allow", "support");
    private static final Set<String> VERBS = Set.of("add", "include", "includes", "allow", "extend", "support");
    private static final Set<String> POSITION = Set.of("before", "after", "between");

    /** Where each slot's words are: the value token (null when the request names none), the words naming the enum, and where the position clause starts (or -1). */
    private record Shape(Tok value, List<Tok> enumWords, int position, boolean viaColumns) {
        Shape(Tok value, List<Tok> enumWords, int position) {
            this(value, enumWords, position, false);
        }
    }

    @Override
    public boolean fits(Words w) {
        Shape s = shape(w);
        return s != null && !enums(s).isEmpty();
    }

    private Shape shape(Words w) {
        List<Tok> all = w.all();
        int pos = w.indexOfAny(POSITION);
        int end = pos < 0 ? all.size() : pos;
        int also = alsoBe(all);
        if (also >= 0) {
            // "bookings.status can also be waitlisted": the column's words, then the value
            if (also + 3 >= all.size()) return null;
            return new Shape(all.get(also + 3), all.subList(0, also), pos > also ? pos : -1, true);
        }
        if (!w.any(VERBS)) return null;
        int in = pos < 0 ? -1 : trailingEnum(all, pos);
        if (in >= 0) {
            // "add 'renewed' before 'returned' in loan_status": the position clause, then the enum
            List<Tok> value = all.subList(0, pos).stream().filter(t -> t.kind() == Kind.QUOTED || t.word() && !VERBS.contains(t.text()) && !ADD.contains(t.text())
                    && !FILLER.contains(t.text()) && !EnumWords.DESCRIBING.contains(t.text())).toList();
            return value.size() == 1 ? new Shape(value.get(0), all.subList(in + 1, all.size()), pos) : null;
        }
        int to = lastBefore(all, "to", end);
        if (to >= 0) {
            List<Tok> before = all.subList(0, to).stream().filter(t -> t.kind() == Kind.QUOTED || t.word() && !VERBS.contains(t.text()) && !ADD.contains(t.text())
                    && !FILLER.contains(t.text()) && !EnumWords.DESCRIBING.contains(t.text())).toList();
            // "add to order_status": the enum is named, the value is not; read() asks for it
            return new Shape(before.isEmpty() ? null : valueOf(before, all.subList(to + 1, end)), all.subList(to + 1, end), pos);
        }
        if (w.first().word() && w.any(INCLUDE) && slots.catalog().findEnum(w.first().text()).isPresent()) {
            // "order_status should include cancelled"
            int verb = w.indexOfAny(INCLUDE);
            List<Tok> after = all.subList(verb + 1, end).stream().filter(t -> t.kind() == Kind.QUOTED || t.word() && !FILLER.contains(t.text()) && !t.is("value", "the")).toList();
            return after.size() <= 1 ? new Shape(after.isEmpty() ? null : after.get(0), all.subList(0, 1), pos) : null;
        }
        // "add an expired offer status [after pending]": verb, article, the value, the enum's words
        int i = 0;
        if (!all.get(i).word() || !all.get(i).is("add")) return null;
        i++;
        if (i < end && all.get(i).is("a", "an", "the")) i++;
        if (i + 1 >= end || !(all.get(i).word() || all.get(i).kind() == Kind.QUOTED)) return null;
        // "add a priority task_priority" is a column of that type: a bare value needs a position or a word saying it is a value
        boolean saysValue = pos >= 0 || EnumWords.DESCRIBING.contains(all.get(end - 1).text());
        return saysValue ? new Shape(all.get(i), all.subList(i + 1, end), pos) : null;
    }

    private List<Catalog.EnumType> enums(Shape s) {
        EnumWords e = new EnumWords(slots.catalog());
        return s.viaColumns() ? e.named(s.enumWords(), true) : e.named(s.enumWords());
    }

    /** "can also be", "could also be", "may also be": the position of the modal. */
    private static int alsoBe(List<Tok> all) {
        for (int i = 1; i + 2 < all.size(); i++) {
            if (all.get(i).is("can", "could", "may", "might") && all.get(i + 1).is("also") && all.get(i + 2).is("be")) return i;
        }
        return -1;
    }

    /** The "in", "to" or "of" after the value(s) of a position clause ("before 'returned' in loan_status"), or -1. */
    private static int trailingEnum(List<Tok> all, int pos) {
        int after = all.get(pos).is("between") ? pos + 4 : pos + 2;
        if (after + 1 < all.size() && all.get(after).word() && all.get(after).is("in", "into", "to", "of", "for", "on")) return after;
        return -1;
    }

    private static int lastBefore(List<Tok> all, String word, int end) {
        for (int i = end - 1; i >= 0; i--) if (all.get(i).word() && all.get(i).is(word)) return i;
        return -1;
    }

    /** The quoted token, else the one word before "to" that is not also one of the enum's own words ("urgent" in "an urgent priority level to task_priority"). */
    private static Tok valueOf(List<Tok> candidates, List<Tok> enumWords) {
        List<Tok> quoted = candidates.stream().filter(t -> t.kind() == Kind.QUOTED).toList();
        if (!quoted.isEmpty()) return quoted.get(0);
        Set<String> named = new java.util.HashSet<>();
        for (Tok t : enumWords) for (String p : t.text().split("[_.]")) named.add(p);
        List<Tok> rest = candidates.stream().filter(t -> !named.contains(t.text()) && !named.contains(Inflect.singular(t.text()))).toList();
        return rest.isEmpty() ? candidates.get(candidates.size() - 1) : rest.get(0);
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Shape s = shape(w);
        Catalog.EnumType e = target(w, s);
        if (s.value() == null) throw refuse("add which value to " + e.name().name() + "?", "e.g. \"add 'refunded' to " + e.name().name() + "\"; its values: " + String.join(", ", e.values()));
        String value = s.value().kind() == Kind.QUOTED ? s.value().text() : s.value().raw();
        if (value.isEmpty() || value.length() > 63) throw refuse("bad enum value: " + s.value().raw(), "values are 1 to 63 characters");
        String before = null, after = null;
        if (s.position() >= 0) {
            List<Tok> p = w.sub(s.position(), w.size());
            String where = p.get(0).text();
            String first = label(e, p, 1);
            if (where.equals("between")) {
                if (p.size() < 4 || !p.get(2).is("and")) throw refuse("between which two values of " + e.name().name() + "?", "e.g. \"between in_progress and done\"");
                String second = label(e, p, 3);
                int a = e.values().indexOf(first), b = e.values().indexOf(second);
                if (Math.abs(a - b) != 1) throw refuse(first + " and " + second + " are not next to each other in " + e.name().name() + " (" + String.join(", ", e.values()) + ")",
                        "say \"after " + first + "\" or \"before " + second + "\"");
                // both neighbours: the change carries every value the request named
                after = a < b ? first : second;
                before = a < b ? second : first;
            } else if (where.equals("before")) {
                before = first;
            } else {
                after = first;
            }
        }
        return List.of(new AddEnumValue(e.name(), value, before, after, new EnumWords(slots.catalog()).column(s.enumWords(), e).orElse(null)));
    }

    /** The value of e at position i of the position clause, refused with did-you-mean when e has no such value. */
    private static String label(Catalog.EnumType e, List<Tok> p, int i) {
        if (i >= p.size() || !(p.get(i).word() || p.get(i).kind() == Kind.QUOTED)) throw refuse("before or after which value of " + e.name().name() + "?", "its values: " + String.join(", ", e.values()));
        String v = p.get(i).kind() == Kind.QUOTED ? p.get(i).text() : p.get(i).raw();
        if (!e.values().contains(v)) throw refuse("'" + v + "' is not a value of " + e.name().name(), Suggest.hint(v, e.values(), "values"));
        return v;
    }

    /** One enum, or an {@link AmbiguousRequest} whose readings name each enum the words may mean. */
    private Catalog.EnumType target(Words w, Shape s) {
        List<Catalog.EnumType> found = enums(s);
        if (found.size() == 1) return found.get(0);
        List<AmbiguousRequest.Reading> readings = new ArrayList<>();
        List<Tok> said = s.enumWords().stream().filter(t -> t.word() && !FILLER.contains(t.text()) && !t.is("enum", "type", "the")).toList();
        for (Catalog.EnumType e : found) {
            // the request as written, its words for the enum replaced by the enum's name: the position and the rest stay
            String request = ColumnLinker.rewrite(w.source(), said, e.name().name());
            readings.add(new AmbiguousRequest.Reading("the enum " + e.name().name() + " (" + Words.raw(said) + "): " + request, request));
        }
        throw new AmbiguousRequest(w.source(), readings);
    }
}
