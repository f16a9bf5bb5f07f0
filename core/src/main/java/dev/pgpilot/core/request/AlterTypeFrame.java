package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.AlterColumnType;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;

/** "change orders.total to numeric(12,2)", "make price bigint on products": slots column and the new type (the last type word). */
record AlterTypeFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        boolean typed = w.hasType() || endsWithType(w);
        return w.first().is("change", "alter", "convert", "switch") || w.first().is("make") && typed || w.phrase("type", "to") || w.phrase("should", "be") && typed;
    }

    /** "make tasks.estimate_hours float8", "invitations.email should be citext": the last word is a type the linker knows (an alias, a catalog or extension type), not only an everyday type word. */
    private boolean endsWithType(Words w) {
        Tok last = w.tok(w.size() - 1);
        if (!last.word()) return false;
        TypeLinker types = new TypeLinker(slots.catalog());
        try {
            return types.word(last.text()).isPresent() || types.missingExtensionType(last.text());
        } catch (dev.pgpilot.core.PilotException e) {
            return false;
        }
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        TypeLinker types = new TypeLinker(slots.catalog());
        String type = null;
        int typeAt = -1;
        // the last type the words name ("a list of text" whole, not its "text"), linked as a new column's type is
        // (aliases, sizes, arrays, enums, domains, extension types)
        for (int i = 0; i < all.size(); i++) {
            Optional<TypeLinker.Match> m = types.at(all, i);
            if (m.isEmpty()) continue;
            type = m.get().sql();
            typeAt = i;
            i += m.get().length() - 1;
        }
        if (type == null) {
            Tok last = all.stream().filter(t -> t.word() && types.missingExtensionType(t.text())).findFirst().orElse(all.get(all.size() - 1));
            if (types.missingExtensionType(last.text())) throw types.unknown(last.text());
            throw refuse("unknown type: " + last.raw(), "use text, integer, bigint, numeric(p,s), boolean, date, timestamptz, uuid, jsonb, text[]");
        }
        NameLinks.ColRef r = slots.names().columnRef(w, w.sub(0, typeAt));
        return List.of(new AlterColumnType(r.table().name(), r.column().name(), type, r.column().type()));
    }
}
