package dev.pgpilot.core.api.model;

import dev.pgpilot.core.PilotException;
import java.util.List;

/**
 * {@code up} stopped at a failing migration: the usual one-line error and hint, plus the facts a
 * script needs ({@code up --json}): where it failed and which migrations were applied before it.
 */
public final class MigrationFailedException extends PilotException {
    /** The failing statement: file as shown to the user, its 1-based line, the server's message. */
    public record Failed(String version, String name, String file, int line, String statement, String message) {}

    private final Failed failed;
    private final List<ApplyResult.Applied> appliedBefore;

    public MigrationFailedException(String message, String hint, Throwable cause, Failed failed, List<ApplyResult.Applied> appliedBefore) {
        super(message, hint, REFUSED, cause);
        this.failed = failed;
        this.appliedBefore = List.copyOf(appliedBefore);
    }

    public Failed failed() {
        return failed;
    }

    /** Migrations of the same run that were applied (and stay applied) before the failure. */
    public List<ApplyResult.Applied> appliedBefore() {
        return appliedBefore;
    }

    public MigrationFailedException after(List<ApplyResult.Applied> applied) {
        return new MigrationFailedException(getMessage(), hint(), getCause(), failed, applied);
    }
}
