package dev.pgpilot.core.api.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One file's outcome: its TAP lines, and what failed (a "not ok", a plan not kept, or an SQL
 * error, named with its line).
 */
public record PgTapResult(Path file, List<String> tap, int passed, List<String> failures) {
    public boolean ok() {
        return failures.isEmpty();
    }
}
