package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.doBlock;

import dev.pgpilot.core.request.ChangeRequest.RenameEnumValue;
import dev.pgpilot.core.request.QualifiedName;
import dev.pgpilot.core.request.Quote;

/** RENAME VALUE, only while the type has the old value (so it runs twice safely); the down renames it back. */
final class RenameEnumValueRenderer implements ChangeRenderer<RenameEnumValue> {
    @Override
    public void render(RenameEnumValue c, ChangeSql o) {
        o.up(Section.TABLES, renameValue(c.type(), c.from(), c.to()));
        o.down.add(renameValue(c.type(), c.to(), c.from()));
    }

    /** A catalog change to the type only: the tables using it are not rewritten. */
    @Override
    public boolean locksExistingTable(RenameEnumValue c) { return false; }

    private static String renameValue(QualifiedName type, String from, String to) {
        return doBlock("begin\n  if exists (select 1 from pg_enum where enumtypid = " + Quote.literal(type.sql()) + "::regtype and enumlabel = " + Quote.literal(from)
                + ") then\n    alter type " + type.sql() + " rename value " + Quote.literal(from) + " to " + Quote.literal(to) + ";\n  end if;\nend");
    }
}
