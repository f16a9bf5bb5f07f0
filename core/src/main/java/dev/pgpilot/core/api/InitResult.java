package dev.pgpilot.core.api;

import java.nio.file.Path;

/** What {@link #init()} did. */
public record InitResult(Path migrationsDir, Path configFile, boolean createdConfig) {}
