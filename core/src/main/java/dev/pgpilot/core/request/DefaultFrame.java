package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.DROP;

import dev.pgpilot.core.request.ChangeRequest.DropDefault;
import dev.pgpilot.core.request.ChangeRequest.SetDefault;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Set;

/** "default orders.status to 'open'", "created_at on posts defaults to now()", "remove the default ... to nothing": slots column and value. */
record DefaultFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        return (w.has("default") || w.has("defaults") || w.has("defaulting")) && !w.first().is("add", "introduce", "create", "include");
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        List<Tok> all = w.all();
        int at = w.indexOfAny(Set.of("default", "defaults", "defaulting"));
        int to = -1;
        for (int i = at + 1; i < all.size(); i++) if (all.get(i).is("to", "=", "as", "of", "be")) to = i;
        if (to < 0 || to + 1 >= all.size()) throw refuse("default to what?", "e.g. \"default orders status to 'paid'\"");
        NameLinks.ColRef r = slots.names().columnRef(w, w.sub(0, to));
        Tok value = all.get(to + 1);
        if (value.is("nothing", "null") && w.any(DROP)) return List.of(new DropDefault(r.table().name(), r.column().name(), r.column().defaultSql()));
        String def = value(all, to + 1, r.column().type());
        slots.names().checkEnumValue(r.column(), value);
        return List.of(new SetDefault(r.table().name(), r.column().name(), def, r.column().defaultSql()));
    }

    private static String value(List<Tok> toks, int at, String type) {
        DefaultValue.Match m = DefaultValue.at(toks, at, type);
        if (at + m.length() < toks.size()) {
            Tok extra = toks.get(at + m.length());
            throw refuse("did not understand \"" + extra.raw() + "\" after the default value", "give one value, e.g. default 'open'");
        }
        return DefaultValue.fits(m.sql(), type);
    }
}
