package dev.pgpilot.core.api.model;

import java.util.List;

/** One test file's outcome: {@code path} and {@code name} as the file gives them; a failed setup runs no step. */
public record RlsTestResult(java.nio.file.Path path, String name, String setupError, List<RlsStepResult> steps) {
    public boolean passed() {
        return setupError == null && steps.stream().allMatch(RlsStepResult::passed);
    }
}
