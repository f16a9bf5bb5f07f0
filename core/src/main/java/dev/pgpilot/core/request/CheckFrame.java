package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;

import dev.pgpilot.core.request.ChangeRequest.AddCheck;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Set;

/** "price must be positive", "rating between 1 and 5", "title at most 200 characters": slots column and rule. */
record CheckFrame(Slots slots) implements Frame {
    private static final Set<String> CUES = Set.of("non-negative", "nonnegative", "positive", "negative", "between", "most", "least", "greater",
            "less", "exceed", "longer", "shorter", "check", "uppercase", "lowercase", "future", "past", "differ", "different");
    private static final Set<String> MODALS = Set.of("must", "should", "cannot", "can", "has", "have", "may");

    @Override
    public boolean fits(Words w) {
        return w.any(CUES) || w.phrase("one", "of") || range(w) && !w.has("default")
                || w.any(MODALS) && w.any(Set.of("after", "before", "later", "earlier", "letters", "digits", "characters"));
    }

    /** "1-5", "from 1 to 12": two numbers joined by a range word. */
    private static boolean range(Words w) {
        List<Tok> all = w.all();
        for (int i = 0; i + 2 < all.size(); i++) {
            if (all.get(i).kind() == Kind.NUMBER && all.get(i + 2).kind() == Kind.NUMBER && all.get(i + 1).is("-", "to", "through")) return true;
        }
        return false;
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        NameLinks.ColRef r = slots.names().columnRef(w, w.all());
        String c = r.column().name();
        List<Catalog.Column> others = new ColumnLinker(slots.catalog()).in(r.table(), w.all()).stream()
                .map(ColumnLinker.Link::column).filter(x -> !x.name().equals(c)).toList();
        CheckRule.Rule rule = CheckRule.of(w.all(), r.column(), others).orElseThrow(() -> refuse("which rule should " + r.table().name().name() + "." + c + " follow?",
                "e.g. \"non-negative\", \"positive\", \"between 1 and 5\", \"at most 200 characters\", \"one of a, b or c\", \"uppercase\", \"after starts_at\""));
        return List.of(new AddCheck(r.table().name(), trim63(r.table().name().name() + "_" + c + "_" + rule.suffix()), rule.expression()));
    }
}
