package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.DROP;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.DropDefault;
import dev.pgpilot.core.request.ChangeRequest.SetDefault;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "default orders.status to 'open'", "created_at on posts defaults to now()", "remove the default
 * ... to nothing", "new listings should be active by default": slots column and value. When the
 * words name the table but no column, the value names it ({@link ValueColumns}).
 */
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
        int valueAt = to + 1, end = all.size();
        List<Tok> scope = w.sub(0, to);
        if ((to < 0 || to + 1 >= all.size()) && byDefault(w, at)) {
            // "listings should be active by default": the value stands between "be" and "by default"
            valueAt = at - 2;
            end = at - 1;
            scope = w.sub(0, at - 3);
            if (at + 1 < all.size()) throw refuse("did not understand \"" + all.get(at + 1).raw() + "\" after \"by default\"", "give one value, e.g. \"... should be 'open' by default\"");
        } else if (to < 0 || to + 1 >= all.size()) {
            throw refuse("default to what?", "e.g. \"default orders status to 'paid'\"");
        }
        Tok value = all.get(valueAt);
        NameLinks.ColRef r = column(w, scope, value);
        if (value.is("nothing", "null") && w.any(DROP)) return List.of(new DropDefault(r.table().name(), r.column().name(), r.column().defaultSql()));
        String def = ValueColumns.namesFlag(r.column(), value) ? "true" : value(all, valueAt, end, r.column().type());
        slots.names().checkEnumValue(r.column(), value);
        return List.of(new SetDefault(r.table().name(), r.column().name(), def, r.column().defaultSql()));
    }

    /** "... be <value> by default": the default word closes the request after a value. */
    private static boolean byDefault(Words w, int at) {
        return at >= 3 && w.tok(at - 1).is("by") && w.tok(at - 3).is("be", "is", "are");
    }

    /** The column the words name; when they name only its table, the one column the value can be a default of. */
    private NameLinks.ColRef column(Words w, List<Tok> scope, Tok value) {
        try {
            return slots.names().columnRef(w, scope);
        } catch (AmbiguousRequest a) {
            throw a;
        } catch (PilotException e) {
            return new ValueColumns(slots.catalog()).of(scope, value).orElseThrow(() -> e);
        }
    }

    /** The value at {@code at}; nothing may follow it before {@code end}. */
    private static String value(List<Tok> toks, int at, int end, String type) {
        DefaultValue.Match m = DefaultValue.at(toks, at, type);
        if (at + m.length() < end) {
            Tok extra = toks.get(at + m.length());
            throw refuse("did not understand \"" + extra.raw() + "\" after the default value", "give one value, e.g. default 'open'");
        }
        return DefaultValue.fits(m.sql(), type);
    }
}
