package dev.pgpilot.core.api.model;


/**
 * One problem the linter found.
 *
 * @param ruleId   stable kebab-case rule id (squawk's or splinter's name where one exists)
 * @param severity effective severity after config and {@code --rule} overrides
 * @param file     the file as the user named it (workspace-relative for a workspace run)
 * @param line     1-based line of the offending statement (or comment)
 * @param column   1-based column
 * @param message  one line: what is wrong here
 * @param fix      one line: what to do instead
 * @param why      why the rule exists and why it has its default severity
 * @param excerpt  the offending source line, for the text report (may be empty)
 * @param fingerprint what the finding is, not where: {@code lint.run.LintBaseline} matches it, so it survives
 *                 lines moving ("" for findings made outside the linter)
 */
public record Finding(String ruleId, Severity severity, String file, int line, int column,
                      String message, String fix, String why, String excerpt, String fingerprint) {
    public Finding(String ruleId, Severity severity, String file, int line, int column, String message, String fix, String why,
                   String excerpt) {
        this(ruleId, severity, file, line, column, message, fix, why, excerpt, "");
    }
}
