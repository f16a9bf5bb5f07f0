package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.unlessConstraint;

import dev.pgpilot.core.request.ChangeRequest.AddForeignKey;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/**
 * A foreign key and (when asked) the index on its column. On a table in use the index is built
 * CONCURRENTLY and the key is added NOT VALID, both checked or built in the next file.
 */
final class AddForeignKeyRenderer implements ChangeRenderer<AddForeignKey> {
    @Override
    public void render(AddForeignKey c, ChangeSql o) {
        boolean existing = !o.isNew(c.table());
        if (c.indexName() != null) {
            String index = "index if not exists " + Quote.ident(c.indexName()) + " on " + c.table().sql() + " (" + Quote.ident(c.column()) + ");";
            QualifiedName indexName = new QualifiedName(c.table().schema(), c.indexName());
            if (existing) {
                o.later(LaterSection.INDEXES, "create index concurrently " + index.substring("index ".length()));
                o.laterDown.add("drop index concurrently if exists " + indexName.sql() + ";");
            } else {
                o.up(Section.INDEXES, "create " + index);
            }
        }
        String add = alter(c.table()) + " add constraint " + Quote.ident(c.constraintName()) + " foreign key ("
                + Quote.ident(c.column()) + ") references " + c.refTable().sql() + " (" + Quote.ident(c.refColumn()) + ")"
                + (c.onDelete() == null ? "" : " on delete " + c.onDelete());
        o.up(Section.FOREIGN_KEYS, unlessConstraint(c.table(), c.constraintName(), add + (existing ? " not valid" : "") + ";"));
        o.down.add(alter(c.table()) + " drop constraint if exists " + Quote.ident(c.constraintName()) + ";");
        if (c.indexName() != null && !existing) o.down.add("drop index if exists " + new QualifiedName(c.table().schema(), c.indexName()).sql() + ";");
        if (existing) o.validateLater(c.table(), c.constraintName(), add);
    }

    @Override
    public boolean locksExistingTable(AddForeignKey c) { return true; }
}
