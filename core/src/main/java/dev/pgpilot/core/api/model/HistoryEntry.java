package dev.pgpilot.core.api.model;

import java.time.Instant;

/** One row of the log: an attempt to apply, revert or repair a migration. */
public record HistoryEntry(long id, String version, String name, String direction, String checksum, int batch,
                    String appliedBy, String source, Instant startedAt, long executionMs, boolean success,
                    String error, String failedStatement, Integer failedLine, Instant revertedAt,
                    String revertedBy, boolean lintOverride) {}
