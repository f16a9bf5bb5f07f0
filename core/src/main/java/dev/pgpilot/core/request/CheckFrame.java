package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.RequestParser.trim63;

import dev.pgpilot.core.request.ChangeRequest.AddCheck;
import dev.pgpilot.core.request.Lexer.Kind;
import dev.pgpilot.core.request.Lexer.Tok;
import java.util.List;
import java.util.Set;

/** "price must be positive", "rating between 1 and 5", "title at most 200 characters": slots column and rule. */
record CheckFrame(Slots slots) implements Frame {
    private static final Set<String> CUES = Set.of("non-negative", "nonnegative", "positive", "negative", "between", "most", "least", "greater",
            "less", "exceed", "longer", "shorter", "check");

    @Override
    public boolean fits(Words w) {
        return w.any(CUES);
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        NameLinks.ColRef r = slots.names().columnRef(w, w.all());
        String col = Sql.ident(r.column().name());
        String c = r.column().name();
        List<String> nums = w.all().stream().filter(t -> t.kind() == Kind.NUMBER).map(Tok::text).toList();
        String expr;
        String suffix;
        if (w.has("non-negative") || w.has("nonnegative") || w.phrase("not", "negative") || w.phrase("zero", "or", "more")) { expr = col + " >= 0"; suffix = "non_negative"; }
        else if (w.has("positive") || w.phrase("greater", "than", "zero") || w.phrase("more", "than", "zero")) { expr = col + " > 0"; suffix = "positive"; }
        else if (w.has("between") && nums.size() >= 2) { expr = col + " between " + nums.get(0) + " and " + nums.get(1); suffix = "range"; }
        else if ((w.has("characters") || w.has("chars") || w.has("long") || w.has("longer") || w.has("length")) && !nums.isEmpty()) {
            boolean min = w.has("least") || w.has("longer");
            expr = "char_length(" + col + ") " + (min ? ">= " : "<= ") + nums.get(0); suffix = min ? "min_length" : "max_length";
        } else if ((w.has("most") || w.has("exceed") || w.phrase("less", "than") || w.phrase("no", "more")) && !nums.isEmpty()) {
            expr = col + (w.phrase("less", "than") ? " < " : " <= ") + nums.get(0); suffix = "max";
        } else if ((w.has("least") || w.phrase("greater", "than") || w.phrase("more", "than")) && !nums.isEmpty()) {
            expr = col + (w.has("least") ? " >= " : " > ") + nums.get(0); suffix = "min";
        } else {
            throw refuse("which rule should " + r.table().name().name() + "." + c + " follow?", "e.g. \"non-negative\", \"positive\", \"between 1 and 5\", \"at most 200 characters\"");
        }
        return List.of(new AddCheck(r.table().name(), trim63(r.table().name().name() + "_" + c + "_" + suffix), expr));
    }
}
