package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.restoreDefault;

import dev.pgpilot.core.request.ChangeRequest.SetDefault;
import dev.pgpilot.core.request.Quote;

/** SET DEFAULT; the down puts back the default before (or none). */
final class SetDefaultRenderer implements ChangeRenderer<SetDefault> {
    @Override
    public void render(SetDefault c, ChangeSql o) {
        o.up(Section.TABLES, alter(c.table()) + " alter column " + Quote.ident(c.column()) + " set default " + c.defaultSql() + ";");
        o.down.add(restoreDefault(c.table(), c.column(), c.previous()));
    }

    @Override
    public boolean locksExistingTable(SetDefault c) { return true; }
}
