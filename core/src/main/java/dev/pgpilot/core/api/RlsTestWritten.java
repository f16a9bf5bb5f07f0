package dev.pgpilot.core.api;

import java.nio.file.Path;

/** What {@link #writeRlsTest} wrote (file null: nothing) and what it left out, with the reason. */
public record RlsTestWritten(Path file, java.util.List<String> skipped) {}
