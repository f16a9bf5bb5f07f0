package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;

import dev.pgpilot.core.request.ChangeRequest.AlterColumnType;
import dev.pgpilot.core.request.Sql;

/** ALTER COLUMN ... TYPE with a cast of the values; the down casts them back to the old type. */
final class AlterColumnTypeRenderer implements ChangeRenderer<AlterColumnType> {
    @Override
    public void render(AlterColumnType c, ChangeSql o) {
        o.up(Section.TABLES, alter(c.table()) + " alter column " + Sql.ident(c.column()) + " type " + c.newType()
                + " using " + Sql.ident(c.column()) + "::" + c.newType() + ";");
        o.down.add(alter(c.table()) + " alter column " + Sql.ident(c.column()) + " type " + c.oldType()
                + " using " + Sql.ident(c.column()) + "::" + c.oldType() + ";");
    }

    @Override
    public boolean locksExistingTable(AlterColumnType c) { return true; }
}
