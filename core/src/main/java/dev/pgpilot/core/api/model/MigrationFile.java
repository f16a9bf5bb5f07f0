package dev.pgpilot.core.api.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One migration on disk with its (optional) down script.
 *
 * @param name     parsed file name
 * @param path     the up file
 * @param sql      its text, BOM removed and line endings normalised to LF (what pgpilot runs, lints and hashes)
 * @param text     its text as written, BOM removed and line endings kept: the Supabase CLI keeps a CR
 *                 in the statements it records, so the history rows pgpilot writes are cut from this
 * @param downPath its {@code .down.sql} in the down folder ({@code DownScripts}), if any
 * @param checksum SHA-256 (hex) of {@link #sql}: line endings and a BOM do not change it
 */
public record MigrationFile(MigrationName name, Path path, String sql, String text, Optional<Path> downPath, String checksum) {

    public static MigrationFile of(MigrationName name, Path path, String rawText, Optional<Path> downPath) {
        String text = withoutBom(rawText);
        String sql = normalize(text);
        return new MigrationFile(name, path, sql, text, downPath, checksum(sql));
    }

    public String version() {
        return name.version();
    }

    /** Strips a UTF-8 BOM and turns CRLF / CR into LF, so editors and git settings do not alter checksums. */
    public static String normalize(String text) {
        String t = withoutBom(text);
        if (t.indexOf('\r') >= 0) {
            t = t.replace("\r\n", "\n").replace('\r', '\n');
        }
        return t;
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    // One digest per thread: looking the algorithm up for each of thousands of files showed in status's profile.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String checksum(String normalizedSql) {
        return HexFormat.of().formatHex(SHA_256.get().digest(normalizedSql.getBytes(StandardCharsets.UTF_8)));
    }
}
