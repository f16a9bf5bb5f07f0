package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.trim63;
import static dev.pgpilot.core.render.Ddl.unlessConstraint;

import dev.pgpilot.core.request.ChangeRequest.AddColumn;
import dev.pgpilot.core.request.ColumnDef;
import dev.pgpilot.core.request.Quote;

/**
 * ADD COLUMN. On a table in use, the column's foreign key is added NOT VALID and checked in the next
 * file: ADD COLUMN ... REFERENCES scans the table under its lock.
 */
final class AddColumnRenderer implements ChangeRenderer<AddColumn> {
    @Override
    public void render(AddColumn c, ChangeSql o) {
        ColumnDef col = c.column();
        boolean keyLater = col.references() != null && !o.isNew(c.table());
        o.up(Section.TABLES, alter(c.table()) + " add column if not exists " + (keyLater ? col.withReferences(null) : col).sql() + ";");
        if (keyLater) {
            ColumnDef.ForeignRef r = col.references();
            String name = trim63(c.table().name() + "_" + col.name() + "_fkey");
            String add = alter(c.table()) + " add constraint " + Quote.ident(name) + " foreign key (" + Quote.ident(col.name()) + ") references "
                    + r.table().sql() + " (" + Quote.ident(r.column()) + ")" + (r.onDelete() == null ? "" : " on delete " + r.onDelete());
            o.up(Section.FOREIGN_KEYS, unlessConstraint(c.table(), name, add + " not valid;"));
            o.validateLater(c.table(), name, add);
        }
        o.down.add(alter(c.table()) + " drop column if exists " + Quote.ident(col.name()) + ";");
    }

    @Override
    public boolean locksExistingTable(AddColumn c) { return true; }
}
