package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.CreateEnum;
import dev.pgpilot.core.request.RequestLexer.Kind;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** "create an enum payment_method with card, cash", "new type mood as happy, sad": slots name and values. */
record CreateEnumFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        return (w.has("enum") || w.phrase("type", "with") || w.phrase("type", "as")) && w.any(Set.of("create", "new", "define", "introduce", "make"));
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        int at = w.indexOfAny(Set.of("enum", "type"));
        int i = at + 1;
        while (i < all.size() && all.get(i).is("called", "named", "type", ":")) i++;
        if (i >= all.size() || !all.get(i).word()) throw refuse("incomplete request: what is the enum called?", "e.g. \"create an enum payment_method with card, cash\"");
        String name = Quote.checkIdentifier(all.get(i).text());
        List<String> values = new ArrayList<>();
        for (int k = i + 1; k < all.size(); k++) {
            Tok t = all.get(k);
            if (t.kind() == Kind.QUOTED || (t.word() && !t.is("with", "values", "of", "and", "or", "as", "enum", "containing", "having", "options"))) {
                String v = t.kind() == Kind.QUOTED ? t.text() : t.raw();
                if (v.isEmpty() || v.length() > 63) throw refuse("bad enum value: " + t.raw(), "values are 1 to 63 characters");
                if (!values.contains(v)) values.add(v);
            }
        }
        if (values.isEmpty()) throw refuse("incomplete request: which values?", "e.g. \"create an enum " + name + " with a, b, c\"");
        return List.of(new CreateEnum(QualifiedName.pub(name), values));
    }
}
