package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.ADD;

import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.ChangeRequest.AddUpdatedAtTrigger;
import java.util.ArrayList;
import java.util.List;

/** "add timestamps to posts": slot table; created_at and updated_at where missing, and the updated_at trigger. */
record TimestampsFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        return w.has("timestamps") || (w.has("created_at") && w.has("updated_at") && w.any(ADD));
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog.Table t = slots.names().lastTable(w.all());
        List<ChangeRequest> out = new ArrayList<>();
        for (String c : List.of("created_at", "updated_at")) {
            if (!t.columns().containsKey(c)) out.add(new AddColumn(t.name(), new ColumnDef(c, "timestamptz", true, "now()", false, null, null)));
        }
        if (out.isEmpty()) throw refuse(t.name().display() + " already has created_at and updated_at", null);
        out.add(new AddUpdatedAtTrigger(t.name(), !slots.catalog().hasFunction("public.set_updated_at")));
        return out;
    }
}
