package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.PilotException;

/**
 * Where to find an approval again: its id (or the short id someone typed), the environment as the
 * requester named it (null: the default target) and the environment it was stored in ({@code home};
 * empty for a plain database URL, null when unknown because someone typed the id). A button carries
 * all three, so a changed default environment finds the old approval and reports the change instead
 * of running another database's approval with the same number.
 */
public record ApprovalRef(String id, String envArg, String home) {

    public static ApprovalRef of(Approval a, ApprovalTarget t) {
        return new ApprovalRef(a.id(), a.envArg(), t.home());
    }

    /** {@code id|envArg|home}: ids are UUIDs and environment names have no bars. */
    public String encode() {
        return id + "|" + (envArg == null ? "" : envArg) + "|" + (home == null ? "" : home);
    }

    public static ApprovalRef decode(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\|", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9a-f-]{36}")) {
            throw PilotException.refused("this button does not belong to a pgpilot approval of this version",
                    "ask for the change again with /pgpilot plan or /pgpilot apply");
        }
        return new ApprovalRef(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2]);
    }
}
