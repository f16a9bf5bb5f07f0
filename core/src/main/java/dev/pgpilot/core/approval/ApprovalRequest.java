package dev.pgpilot.core.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A change someone asked for, before it is stored.
 *
 * @param requestKey   idempotency key (e.g. Slack's trigger id): storing the same key twice returns the first row
 * @param kind         plan (write + apply) or apply (existing files)
 * @param environment  environment name, or "local"
 * @param requestText  the plain-English request (plan) or the version asked for (apply)
 * @param version      the version to apply up to; "pending" for everything pending
 * @param fileName     file the plan will be written to (plan only)
 * @param migrationName the migration's snake_case name (plan only)
 * @param planSql      up SQL (plan only)
 * @param downSql      down SQL (plan only; may be null)
 * @param requestedBy  who asked (Slack user id)
 * @param details      what the approvers were shown besides the SQL (lint findings, files that will run)
 */
public record ApprovalRequest(String requestKey, ApprovalKind kind, String environment, String requestText,
                              String version, String fileName, String migrationName, String planSql, String downSql,
                              String requestedBy, String details) {

    /** SHA-256 of the planned SQL, so what runs is provably what was shown. Null without SQL. */
    public String checksum() {
        return checksumOf(planSql);
    }

    public static String checksumOf(String sql) {
        if (sql == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
