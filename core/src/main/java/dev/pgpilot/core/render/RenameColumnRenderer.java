package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.RenameColumn;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/** RENAME COLUMN, only while the old name is there (so it runs twice safely); the down renames it back. */
final class RenameColumnRenderer implements ChangeRenderer<RenameColumn> {
    @Override
    public void render(RenameColumn c, ChangeSql o) {
        o.up(Section.TABLES, renameColumn(c.table(), c.from(), c.to()));
        o.down.add(renameColumn(c.table(), c.to(), c.from()));
    }

    @Override
    public boolean locksExistingTable(RenameColumn c) { return true; }

    private static String renameColumn(QualifiedName t, String from, String to) {
        return doBlock("begin\n  if exists (select 1 from pg_attribute where attrelid = " + Quote.literal(t.sql()) + "::regclass and attname = "
                + Quote.literal(from) + " and not attisdropped) then\n    " + alter(t) + " rename column " + Quote.ident(from) + " to " + Quote.ident(to)
                + ";\n  end if;\nend");
    }
}
