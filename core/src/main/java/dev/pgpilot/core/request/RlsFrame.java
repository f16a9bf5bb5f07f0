package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;

import dev.pgpilot.core.request.ChangeRequest.EnableRls;
import java.util.List;
import java.util.Set;

/** "enable rls on orders", "turn on row level security for posts": slot table. Turning it off is refused. */
record RlsFrame(Slots slots) implements Frame {
    @Override
    public boolean fits(Words w) {
        return w.has("rls") || w.phrase("row", "level", "security") || w.has("row-level");
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        Catalog.Table t = slots.names().lastTable(w.all());
        if (w.any(Set.of("disable", "off")) || w.phrase("turn", "off")) throw refuse("turning RLS off is not generated from plain English", "it exposes every row; write it by hand if you mean it");
        return List.of(new EnableRls(t.name()));
    }
}
