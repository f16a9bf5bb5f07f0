package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.restoreDefault;

import dev.pgpilot.core.request.ChangeRequest.DropDefault;
import dev.pgpilot.core.request.Quote;

/** DROP DEFAULT; the down puts back the default before. */
final class DropDefaultRenderer implements ChangeRenderer<DropDefault> {
    @Override
    public void render(DropDefault c, ChangeSql o) {
        o.up(Section.TABLES, alter(c.table()) + " alter column " + Quote.ident(c.column()) + " drop default;");
        o.down.add(restoreDefault(c.table(), c.column(), c.previous()));
    }

    @Override
    public boolean locksExistingTable(DropDefault c) { return true; }
}
