package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.RenameEnum;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/** ALTER TYPE ... RENAME TO, only while the old name is there (so it runs twice safely); the down renames it back. */
final class RenameEnumRenderer implements ChangeRenderer<RenameEnum> {
    @Override
    public void render(RenameEnum c, ChangeSql o) {
        QualifiedName to = new QualifiedName(c.type().schema(), c.to());
        o.up(Section.TABLES, rename(c.type(), to));
        o.down.add(rename(to, c.type()));
    }

    /** A catalog change to the type only: the tables using it are not rewritten. */
    @Override
    public boolean locksExistingTable(RenameEnum c) { return false; }

    private static String rename(QualifiedName from, QualifiedName to) {
        return doBlock("begin\n  if to_regtype(" + Quote.literal(from.sql()) + ") is not null then\n    alter type " + from.sql() + " rename to " + Quote.ident(to.name())
                + ";\n  end if;\nend");
    }
}
