package dev.pgpilot.core.render;

import static dev.pgpilot.core.render.Ddl.alter;

import dev.pgpilot.core.request.ChangeRequest.DropColumn;
import dev.pgpilot.core.request.ColumnDef;
import dev.pgpilot.core.request.Quote;

/** DROP COLUMN; the down script brings the column back empty, with the indexes that went with it. */
final class DropColumnRenderer implements ChangeRenderer<DropColumn> {
    @Override
    public void render(DropColumn c, ChangeSql o) {
        o.up(Section.TABLES, alter(c.table()) + " drop column if exists " + Quote.ident(c.previous().name()) + ";");
        o.down.add("-- " + c.previous().name() + " comes back empty: its data is not restored");
        ColumnDef back = c.previous().defaultSql() == null ? c.previous().withNotNull(false) : c.previous();
        o.down.add(alter(c.table()) + " add column if not exists " + back.sql() + ";");
        for (String def : c.dependentIndexes()) o.down.add(ifNotExists(def) + ";");
    }

    @Override
    public boolean locksExistingTable(DropColumn c) { return true; }

    private static String ifNotExists(String indexDef) {
        return indexDef.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS ");
    }
}
