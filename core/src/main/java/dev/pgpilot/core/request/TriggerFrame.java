package dev.pgpilot.core.request;

import static dev.pgpilot.core.request.RequestParser.refuse;
import static dev.pgpilot.core.request.Vocabulary.DROP;

import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.ChangeRequest.AddUpdatedAtTrigger;
import dev.pgpilot.core.request.ChangeRequest.DropTrigger;
import dev.pgpilot.core.request.RequestLexer.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "add an updated_at trigger to posts", "keep orders.updated_at current": slot table; adds
 * updated_at when it is missing. "drop the projects_set_updated_at trigger": slot the trigger, by
 * its name on any table. A trigger that would do something else ("when a profile is created, send
 * ...") is application code: refused, saying so.
 */
record TriggerFrame(Slots slots) implements Frame {
    private static final Set<String> KEEP = Set.of("keep", "keeps", "maintain", "touch", "auto", "automatically", "bump", "refresh", "updates");

    @Override
    public boolean fits(Words w) {
        return w.has("trigger") || updatedAt(w).isPresent() && w.any(KEEP);
    }

    /** The updated_at token: "updated_at" or "orders.updated_at". */
    private static Optional<Tok> updatedAt(Words w) {
        return w.all().stream().filter(t -> t.word() && (t.is("updated_at") || t.text().endsWith(".updated_at"))).findFirst();
    }

    @Override
    public List<ChangeRequest> read(Words w) {
        if (w.any(DROP)) return drop(w);
        Optional<Tok> dotted = updatedAt(w).filter(t -> t.text().contains("."));
        Catalog.Table t = dotted.isPresent() ? slots.catalog().table(dotted.get().text().substring(0, dotted.get().text().indexOf('.')))
                : slots.names().lastTable(w.all());
        List<ChangeRequest> out = new ArrayList<>();
        if (!t.columns().containsKey("updated_at")) {
            out.add(new AddColumn(t.name(), new ColumnDef("updated_at", "timestamptz", true, "now()", false, null, null)));
        }
        out.add(new AddUpdatedAtTrigger(t.name(), !slots.catalog().hasFunction("public.set_updated_at")));
        return out;
    }

    /** The trigger a drop names, on whichever table has it; two tables with a trigger of that name are asked about. */
    private List<ChangeRequest> drop(Words w) {
        for (Tok tok : w.all()) {
            if (!tok.word()) continue;
            List<Catalog.Table> on = slots.catalog().tables().values().stream().filter(t -> t.trigger(tok.text()).isPresent()).toList();
            if (on.size() > 1 && w.tables(slots.catalog()).size() == 1) on = on.stream().filter(t -> t.name().equals(w.tables(slots.catalog()).get(0).name())).toList();
            if (on.size() == 1) {
                Catalog.Trigger tr = on.get(0).trigger(tok.text()).orElseThrow();
                return List.of(new DropTrigger(on.get(0).name(), tr.name(), tr.definition()));
            }
            if (on.size() > 1) {
                throw new AmbiguousRequest(w.source(), on.stream().map(t -> new AmbiguousRequest.Reading("the trigger " + tok.text() + " on " + t.name().name(),
                        "drop trigger " + tok.text() + " on " + t.name().name())).toList());
            }
        }
        List<String> all = slots.catalog().tables().values().stream().flatMap(t -> t.triggers().stream().map(Catalog.Trigger::name)).sorted().toList();
        Tok guess = w.all().stream().filter(t -> t.word() && !DROP.contains(t.text()) && !t.is("the", "trigger", "on", "from", "a")).findFirst()
                .orElseThrow(() -> refuse("drop which trigger?", "e.g. \"drop the orders_set_updated_at trigger\""));
        throw refuse("unknown trigger: " + guess.text(), Suggest.hint(guess.text(), all, "triggers"));
    }
}
