package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest.DropIndex;

/** DROP INDEX CONCURRENTLY in the next file (an index that exists is on a table that exists); the down rebuilds it concurrently. */
final class DropIndexRenderer implements ChangeRenderer<DropIndex> {
    @Override
    public void render(DropIndex c, ChangeSql o) {
        o.later(LaterSection.INDEXES, "drop index concurrently if exists " + c.index().sql() + ";");
        o.laterDown.add(concurrentlyIfNotExists(c.definition()) + ";");
    }

    @Override
    public boolean locksExistingTable(DropIndex c) { return false; }

    private static String concurrentlyIfNotExists(String indexDef) {
        return indexDef.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY IF NOT EXISTS ");
    }
}
