package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.DropTrigger;
import dev.pgpilot.core.request.Quote;

/** DROP TRIGGER; the down creates it again from its definition as the catalog had it. */
final class DropTriggerRenderer implements ChangeRenderer<DropTrigger> {
    @Override
    public void render(DropTrigger c, ChangeSql o) {
        o.up(Section.FUNCTIONS, "drop trigger if exists " + Quote.ident(c.name()) + " on " + c.table().sql() + ";");
        o.down.add(c.definition().replaceFirst("^CREATE TRIGGER ", "CREATE OR REPLACE TRIGGER ") + ";");
    }

    @Override
    public boolean locksExistingTable(DropTrigger c) { return true; }
}
