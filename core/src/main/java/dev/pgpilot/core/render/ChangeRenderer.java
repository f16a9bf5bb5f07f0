package dev.pgpilot.core.render;

import dev.pgpilot.core.request.ChangeRequest;

/** How one kind of change becomes SQL: one class per kind, picked by {@link ChangeRenderers}. */
interface ChangeRenderer<C extends ChangeRequest> {

    void render(C change, ChangeSql sql);

    /**
     * Takes a heavy lock (ACCESS EXCLUSIVE, or SHARE/SHARE ROW EXCLUSIVE that blocks writes) on a
     * table that already exists: waiting for it queues every later query on that table, so the
     * migration sets lock_timeout first.
     */
    boolean locksExistingTable(C change);
}
