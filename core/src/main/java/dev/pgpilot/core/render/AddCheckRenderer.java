package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.unlessConstraint;

import dev.pgpilot.core.request.ChangeRequest.AddCheck;
import dev.pgpilot.core.request.Quote;

/** A CHECK constraint; on a table in use it is added NOT VALID and checked in the next file. */
final class AddCheckRenderer implements ChangeRenderer<AddCheck> {
    @Override
    public void render(AddCheck c, ChangeSql o) {
        boolean existing = !o.isNew(c.table());
        String add = alter(c.table()) + " add constraint " + Quote.ident(c.name()) + " check (" + c.expression() + ")";
        o.up(Section.TABLES, unlessConstraint(c.table(), c.name(), add + (existing ? " not valid" : "") + ";"));
        o.down.add(alter(c.table()) + " drop constraint if exists " + Quote.ident(c.name()) + ";");
        if (existing) o.validateLater(c.table(), c.name(), add);
    }

    @Override
    public boolean locksExistingTable(AddCheck c) { return true; }
}
