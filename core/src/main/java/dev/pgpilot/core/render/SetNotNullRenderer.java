package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;

import dev.pgpilot.core.request.ChangeRequest.SetNotNull;
import dev.pgpilot.core.request.Quote;

/** SET NOT NULL or DROP NOT NULL; the down does the other. */
final class SetNotNullRenderer implements ChangeRenderer<SetNotNull> {
    @Override
    public void render(SetNotNull c, ChangeSql o) {
        o.up(Section.TABLES, alter(c.table()) + " alter column " + Quote.ident(c.column()) + (c.notNull() ? " set not null;" : " drop not null;"));
        o.down.add(alter(c.table()) + " alter column " + Quote.ident(c.column()) + (c.notNull() ? " drop not null;" : " set not null;"));
    }

    @Override
    public boolean locksExistingTable(SetNotNull c) { return true; }
}
