package dev.pgpilot.core.api.model;

/**
 * The linter itself failed on a file: a rule threw, or splitting / the schema replay did. A pgpilot
 * bug, never a finding about the SQL: {@code pgpilot lint} exits 2 naming it, and the gates ({@code up},
 * {@code new}, Slack) refuse to run rather than treat an unchecked file as clean.
 *
 * @param ruleId the rule that threw, or {@link #LINTER} when reading, splitting or replaying the file did
 * @param file   the file as the report names it
 * @param error  the exception, one line
 */
public record LintFailure(String ruleId, String file, String error) {
    /** The pseudo rule id for failures outside any rule. */
    public static final String LINTER = "linter";

    public static LintFailure of(String ruleId, String file, Throwable t) {
        String message = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        if (message.length() > 200) message = message.substring(0, 200) + "...";
        return new LintFailure(ruleId, file, t.getClass().getSimpleName() + message);
    }

    /** One line for people: which rule failed on which file, and that it is a pgpilot bug. */
    public String describe() {
        return (ruleId.equals(LINTER) ? "the linter" : "lint rule " + ruleId) + " failed on " + file + " (" + error
                + "): a pgpilot bug, please report it";
    }
}
