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
    private static final Set<String> KEEP = Set.of("keep", "keeps", "maintain", "touch", "auto", "automatically", "bump", "bumping", "refresh", "updates", "itself");
    /** "turn off the audit trigger", "disable ...": the trigger stays defined and stops firing. */
    private static final Set<String> OFF = Set.of("disable", "pause");
    private static final Set<String> ON = Set.of("enable", "re-enable", "resume");

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
        Boolean enable = w.any(OFF) || w.phrase("turn", "off") || w.phrase("switch", "off") ? Boolean.FALSE
                : w.any(ON) || w.phrase("back", "on") || w.phrase("turn", "on") || w.phrase("switch", "on") ? Boolean.TRUE : null;
        if (enable != null && w.has("trigger")) return switched(w, enable);
        // "stop bumping orders.updated_at on every update": the trigger that keeps it goes, and the down puts it back
        if (w.any(DROP) || w.has("stop") && updatedAt(w).isPresent()) return w.has("stop") && !w.has("trigger") ? dropUpdatedAt(w) : drop(w);
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

    /** The trigger the words name ("the audit_orders trigger"), switched off or on. */
    private List<ChangeRequest> switched(Words w, boolean enable) {
        ChangeRequest named = drop(w).get(0);
        DropTrigger d = (DropTrigger) named;
        return List.of(new ChangeRequest.SetTriggerEnabled(d.table(), d.name(), enable));
    }

    /** The trigger on the table that writes updated_at through set_updated_at() (or is named for updated_at); none or several are refused. */
    private List<ChangeRequest> dropUpdatedAt(Words w) {
        Optional<Tok> dotted = updatedAt(w).filter(t -> t.text().contains("."));
        Catalog.Table t = dotted.isPresent() ? slots.catalog().table(dotted.get().text().substring(0, dotted.get().text().indexOf('.')))
                : slots.names().lastTable(w.all());
        List<Catalog.Trigger> keeping = t.triggers().stream()
                .filter(x -> x.definition().toLowerCase(java.util.Locale.ROOT).contains("set_updated_at") || x.name().contains("updated_at")).toList();
        if (keeping.isEmpty()) throw refuse(t.name().name() + " has no trigger that sets updated_at", "its triggers: " + (t.triggers().isEmpty() ? "none"
                : String.join(", ", t.triggers().stream().map(Catalog.Trigger::name).toList())));
        if (keeping.size() > 1) throw refuse(t.name().name() + " has " + keeping.size() + " triggers that set updated_at: " + String.join(", ", keeping.stream().map(Catalog.Trigger::name).toList()),
                "say which: \"drop the " + keeping.get(0).name() + " trigger\"");
        return List.of(new DropTrigger(t.name(), keeping.get(0).name(), keeping.get(0).definition(), "updated_at"));
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
