package dev.pgpilot.core.workspace;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.api.model.MigrationName;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Hands out migration versions so that no two callers ever get the same one, even when they ask in
 * the same second from different threads or processes: a plan waiting for approval has no file
 * yet, so "newest file + 1 s" alone gives two waiting plans one version. The last version handed
 * out is kept in {@code .pgpilot/last-version}, read and advanced under an exclusive file lock.
 */
public final class VersionAllocator {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** A JVM may hold a file's lock only once: threads of one process queue here before taking it. */
    private static final Object IN_PROCESS = new Object();

    private final Workspace workspace;

    public VersionAllocator(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A version later than {@code now}'s second, every file's version and every version handed out before. */
    public String next(Instant now) {
        String candidate = FORMAT.withZone(ZoneOffset.UTC).format(now);
        String newestFile = workspace.migrations().stream().map(MigrationFile::version).max(MigrationName.VERSION_ORDER).orElse("");
        Path state = workspace.stateDir();
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(state);
                try (FileChannel ch = FileChannel.open(state.resolve("version.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = ch.lock()) {
                    Path last = state.resolve("last-version");
                    String handedOut = Files.exists(last) ? Files.readString(last, StandardCharsets.UTF_8).strip() : "";
                    String version = after(after(candidate, newestFile), handedOut);
                    Files.writeString(last, version + "\n", StandardCharsets.UTF_8);
                    return version;
                }
            } catch (IOException e) {
                throw PilotException.error("cannot allocate a migration version in " + state + ": " + e.getMessage(),
                        "pgpilot needs to write its state folder .pgpilot/ in the project folder");
            }
        }
    }

    /** {@code candidate}, or one second after {@code taken} when that is not earlier. */
    private static String after(String candidate, String taken) {
        if (taken.length() != 14 || !taken.chars().allMatch(Character::isDigit) || taken.compareTo(candidate) < 0) {
            return candidate;
        }
        return LocalDateTime.parse(taken, FORMAT).plusSeconds(1).format(FORMAT);
    }
}
