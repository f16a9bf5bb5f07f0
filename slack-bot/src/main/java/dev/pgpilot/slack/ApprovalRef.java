package dev.pgpilot.slack;

import dev.pgpilot.core.PilotException;

/**
 * What an Approve/Reject button carries: the approval id and the environment the user named (empty
 * for the default target), so the click finds the same database the request was stored in.
 */
record ApprovalRef(long id, String env) {
    String encode() {
        return id + "|" + (env == null ? "" : env);
    }

    static ApprovalRef decode(String value) {
        if (value != null) {
            int bar = value.indexOf('|');
            if (bar > 0) {
                try {
                    String env = value.substring(bar + 1);
                    return new ApprovalRef(Long.parseLong(value.substring(0, bar)), env.isEmpty() ? null : env);
                } catch (NumberFormatException ignored) {
                    // fall through to the refusal below
                }
            }
        }
        throw PilotException.refused("this button does not belong to a pgpilot approval", "request the change again with /pgpilot plan or /pgpilot apply");
    }
}
