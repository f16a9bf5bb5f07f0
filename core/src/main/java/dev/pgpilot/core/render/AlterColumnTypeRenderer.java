package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;

import dev.pgpilot.core.request.ChangeRequest.AlterColumnType;
import dev.pgpilot.core.request.Quote;

/** ALTER COLUMN ... TYPE with a cast of the values; the down casts them back to the old type. */
final class AlterColumnTypeRenderer implements ChangeRenderer<AlterColumnType> {
    @Override
    public void render(AlterColumnType c, ChangeSql o) {
        o.up(Section.TABLES, alter(c.table()) + " alter column " + Quote.ident(c.column()) + " type " + c.newType()
                + " using " + Quote.ident(c.column()) + "::" + c.newType() + ";");
        o.down.add(alter(c.table()) + " alter column " + Quote.ident(c.column()) + " type " + c.oldType()
                + " using " + Quote.ident(c.column()) + "::" + c.oldType() + ";");
    }

    @Override
    public boolean locksExistingTable(AlterColumnType c) { return true; }
}
