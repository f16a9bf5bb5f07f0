package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.SetNotNull;
import java.util.List;

/** "require orders.status", "status is mandatory on orders" (required); "make phone optional on customers" (not): slot column. */
record NullabilityFrame(Slots slots, boolean required) implements Frame {
    @Override
    public boolean fits(Words w) {
        if (required) return w.first().is("require") || w.has("required") || w.has("mandatory") || w.phrase("not", "null") || w.phrase("not", "be", "null");
        return w.has("optional") || w.has("nullable") || w.phrase("allow", "null") || w.phrase("allow", "nulls");
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        NameLinks.ColRef r = slots.names().columnRef(w, w.all());
        if (r.column().notNull() == required) {
            throw refuse(r.table().name().name() + "." + r.column().name() + " is already " + (required ? "required (not null)" : "optional"), null);
        }
        return List.of(new SetNotNull(r.table().name(), r.column().name(), required));
    }
}
