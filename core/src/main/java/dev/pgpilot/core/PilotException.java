package dev.pgpilot.core;

/**
 * Every failure a user can act on: a one-line message, an optional hint, and the exit code the
 * command returns. Shell and bot render it the same way; nothing else should reach a user.
 */
public class PilotException extends RuntimeException {
    /** Exit code for "already there, nothing to do": the request is satisfied, nothing was written. */
    public static final int NOTHING_TO_DO = 0;
    /** Exit code for "refused / failed / not understood": the user can fix the input. */
    public static final int REFUSED = 1;
    /** Exit code for "could not run": bad environment, unreachable database, broken files. */
    public static final int ERROR = 2;

    private final String hint;
    private final int exitCode;

    public PilotException(String message, String hint, int exitCode) {
        super(message);
        this.hint = hint;
        this.exitCode = exitCode;
    }

    public PilotException(String message, String hint, int exitCode, Throwable cause) {
        super(message, cause);
        this.hint = hint;
        this.exitCode = exitCode;
    }

    public static PilotException refused(String message, String hint) {
        return new PilotException(message, hint, REFUSED);
    }

    /** The request asks for what the database already has: exit 0, nothing written. */
    public static PilotException nothingToDo(String message) {
        return new PilotException(message, null, NOTHING_TO_DO);
    }

    public static PilotException error(String message, String hint) {
        return new PilotException(message, hint, ERROR);
    }

    /** May be null. */
    public String hint() {
        return hint;
    }

    public int exitCode() {
        return exitCode;
    }
}
