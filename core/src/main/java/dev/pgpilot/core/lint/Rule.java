package dev.pgpilot.core.lint;

import dev.pgpilot.core.api.model.Severity;

/**
 * One lint rule: a stable id, a default severity, one message per finding, a fix and a why.
 * Rules look at a {@link LintedFile} (its statements, the schema before it and after it) and
 * report through the {@link Reporter}; they never throw on SQL they do not understand.
 */
public interface Rule {
    String id();

    Severity defaultSeverity();

    /** Why the rule exists, including why its default severity is what it is. */
    String why();

    /** What to do instead, one line. */
    String fix();

    void check(LintedFile file, Reporter report);

    /** Where a rule reports its findings; the linter adds rule id, severity, fix and suppressions. */
    interface Reporter {
        void at(LintedStatement statement, String message);

        /** For findings about the file itself (name, header): only {@code ignore-file} suppresses them. */
        void atFile(int line, String message);
    }
}
