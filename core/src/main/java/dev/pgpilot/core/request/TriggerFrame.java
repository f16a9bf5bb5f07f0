package dev.pgpilot.core.request;

import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.ChangeRequest.AddUpdatedAtTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** "add an updated_at trigger to posts", "keep updated_at current on orders": slot table; adds updated_at when it is missing. */
record TriggerFrame(Slots slots) implements Frame {
    private static final Set<String> KEEP = Set.of("keep", "maintain", "touch", "auto", "automatically", "bump", "refresh");

    @Override
    public boolean fits(Words w) {
        return w.has("trigger") || w.has("updated_at") && w.any(KEEP);
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog.Table t = slots.names().lastTable(w.all());
        List<ChangeRequest> out = new ArrayList<>();
        if (!t.columns().containsKey("updated_at")) {
            out.add(new AddColumn(t.name(), new ColumnDef("updated_at", "timestamptz", true, "now()", false, null, null)));
        }
        out.add(new AddUpdatedAtTrigger(t.name(), !slots.catalog().hasFunction("public.set_updated_at")));
        return out;
    }
}
