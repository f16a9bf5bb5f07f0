package dev.pgpilot.core.api;

import java.nio.file.Path;

/**
 * What {@link #writeDrift} did.
 *
 * @param drift        the comparison it wrote from
 * @param file         the migration written, null when none was
 * @param notExpressed drift that no migration here can express (to do by hand)
 */
public record DriftWritten(DriftReport drift, Path file, java.util.List<String> notExpressed) {}
