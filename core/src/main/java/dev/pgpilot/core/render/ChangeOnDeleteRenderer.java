package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.commentText;

import dev.pgpilot.core.request.ChangeRequest.ChangeOnDelete;
import dev.pgpilot.core.request.Quote;

/**
 * Another ON DELETE for an existing key: dropped and re-added in one statement, so no moment is
 * without the key; NOT VALID, then checked in the next file. The down puts back the definition before.
 */
final class ChangeOnDeleteRenderer implements ChangeRenderer<ChangeOnDelete> {
    @Override
    public void render(ChangeOnDelete c, ChangeSql o) {
        String add = " add constraint " + Quote.ident(c.constraintName()) + " foreign key (" + Quote.ident(c.column()) + ") references " + c.refTable().sql()
                + " (" + Quote.ident(c.refColumn()) + ") on delete " + c.onDelete();
        String drop = alter(c.table()) + " drop constraint if exists " + Quote.ident(c.constraintName()) + ",";
        o.up(Section.FOREIGN_KEYS, drop + add + " not valid;");
        o.validateLater(c.table(), c.constraintName(), alter(c.table()) + add);
        boolean wasValid = !c.definition().endsWith("NOT VALID");
        o.down.add("-- " + commentText(c.constraintName()) + " back to " + commentText(c.definition()));
        o.down.add(drop + " add constraint " + Quote.ident(c.constraintName()) + " " + c.definition().replaceFirst(" NOT VALID$", "") + " not valid;");
        if (wasValid) o.down.add(alter(c.table()) + " validate constraint " + Quote.ident(c.constraintName()) + ";");
    }

    @Override
    public boolean locksExistingTable(ChangeOnDelete c) { return true; }
}
