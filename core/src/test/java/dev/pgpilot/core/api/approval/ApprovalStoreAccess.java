package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.target.DatabaseTarget;

/** Lets the bot's tests read and seed the approvals of a database they made, as a restored copy would hold them. */
public final class ApprovalStoreAccess {
    private ApprovalStoreAccess() {}

    public static ApprovalStore on(DatabaseTarget db) {
        return new ApprovalStore(db);
    }
}
