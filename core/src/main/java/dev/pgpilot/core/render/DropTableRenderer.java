package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.DropTable;

/** DROP TABLE; the down script rebuilds its shape from the catalog, empty. */
final class DropTableRenderer implements ChangeRenderer<DropTable> {
    @Override
    public void render(DropTable c, ChangeSql o) {
        o.up(Section.TABLES, "drop table if exists " + c.table().sql() + ";");
        o.down.add("-- " + c.table().display() + " comes back empty: its rows, grants and policies are not restored");
        o.down.addAll(c.rebuild());
    }

    @Override
    public boolean locksExistingTable(DropTable c) { return true; }
}
