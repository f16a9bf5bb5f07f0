package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.AddUpdatedAtTrigger;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/** The trigger that keeps updated_at current, calling the shared public.set_updated_at(). */
final class AddUpdatedAtTriggerRenderer implements ChangeRenderer<AddUpdatedAtTrigger> {
    @Override
    public void render(AddUpdatedAtTrigger c, ChangeSql o) {
        o.needsFunction = true;
        o.createsFunction = c.createsFunction();
        o.up(Section.FUNCTIONS, trigger(c.table(), c.triggerName()));
        o.down.add("drop trigger if exists " + Quote.ident(c.triggerName()) + " on " + c.table().sql() + ";");
    }

    @Override
    public boolean locksExistingTable(AddUpdatedAtTrigger c) { return true; }

    static String trigger(QualifiedName t, String name) {
        return "create or replace trigger " + Quote.ident(name) + "\n  before update on " + t.sql()
                + "\n  for each row execute function public.set_updated_at();";
    }
}
