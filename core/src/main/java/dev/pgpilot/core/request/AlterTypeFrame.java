package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.AlterColumnType;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;

/** "change orders.total to numeric(12,2)", "make price bigint on products": slots column and the new type (the last type word). */
record AlterTypeFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        return w.first().is("change", "alter", "convert", "switch") || w.first().is("make") && w.hasType() || w.phrase("type", "to") || w.phrase("should", "be") && w.hasType();
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        String type = null;
        int typeAt = -1;
        for (int i = all.size() - 1; i >= 0; i--) {
            Tok t = all.get(i);
            if (t.word() && TypeWords.of(t.text()).isPresent()) { type = TypeWords.of(t.text()).get(); typeAt = i; break; }
        }
        if (type == null) {
            Tok last = all.get(all.size() - 1);
            throw refuse("unknown type: " + last.raw(), "use text, integer, bigint, numeric(p,s), boolean, date, timestamptz, uuid, jsonb, text[]");
        }
        NameLinks.ColRef r = slots.names().columnRef(w, w.sub(0, typeAt));
        return List.of(new AlterColumnType(r.table().name(), r.column().name(), type, r.column().type()));
    }
}
