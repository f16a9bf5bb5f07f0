package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.request.ChangeRequest.SetNotNull;
import java.util.List;

/** "require orders.status", "status is mandatory on orders" (required); "make phone optional on customers" (not): slot column. */
record NullabilityFrame(Slots slots, boolean required) implements Frame {
    @Override
    public boolean fits(Words w) {
        if (required) return w.first().is("require") || w.has("required") || w.has("mandatory") || w.phrase("not", "null") || w.phrase("not", "be", "null")
                || w.phrase("not", "be", "empty") || w.phrase("not", "be", "blank") || alwaysHas(w);
        return w.has("optional") || w.has("nullable") || w.phrase("allow", "null") || w.phrase("allow", "nulls") || mayBeLeftOut(w);
    }

    /**
     * "labels should always have a color": required when the words name a column the table has
     * (when they do not, "always have" asks for a new column, which the add-column frames read).
     */
    private boolean alwaysHas(Words w) {
        if (!w.phrase("always", "have") && !w.phrase("always", "has")) return false;
        try {
            slots.names().columnRef(w, w.all());
            return true;
        } catch (PilotException e) {
            return false;
        }
    }

    /** "can be null now", "may be empty", "is allowed to be empty", "can be left blank": and no "not" before the "be". */
    private static boolean mayBeLeftOut(Words w) {
        for (int i = 1; i + 1 < w.size(); i++) {
            if (!w.tok(i).is("be") || w.tok(i - 1).is("not") || w.tok(i).kind() == RequestLexer.Kind.QUOTED) continue;
            int j = w.tok(i + 1).is("left") ? i + 2 : i + 1;
            if (j < w.size() && w.tok(j).is("null", "empty", "blank", "missing") && w.tok(i - 1).is("can", "may", "to")) return true;
        }
        return false;
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        NameLinks.ColRef r = slots.names().columnRef(w, w.all());
        if (r.column().notNull() == required) {
            throw new AlreadySo(r.table().name().name() + "." + r.column().name() + " is already " + (required ? "required (not null)" : "optional"), r.table().name(), r.column().name());
        }
        return List.of(new SetNotNull(r.table().name(), r.column().name(), required));
    }
}
