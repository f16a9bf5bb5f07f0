package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;
import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.RenameTable;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/** RENAME TO, only while the table has the old name; the down renames it back. */
final class RenameTableRenderer implements ChangeRenderer<RenameTable> {
    @Override
    public void render(RenameTable c, ChangeSql o) {
        o.up(Section.TABLES, renameTable(c.table(), c.to()));
        o.down.add(renameTable(new QualifiedName(c.table().schema(), c.to()), c.table().name()));
    }

    @Override
    public boolean locksExistingTable(RenameTable c) { return true; }

    private static String renameTable(QualifiedName t, String to) {
        return doBlock("begin\n  if to_regclass(" + Quote.literal(t.sql()) + ") is not null then\n    " + alter(t) + " rename to " + Quote.ident(to)
                + ";\n  end if;\nend");
    }
}
