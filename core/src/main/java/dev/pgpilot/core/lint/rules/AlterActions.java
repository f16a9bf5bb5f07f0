package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The table and the comma-separated actions of an {@code ALTER TABLE}, or null for other statements. */
record AlterActions(String table, List<String> actions) {
    private static final Pattern ALTER = StatementText.p("^ALTER\\s+TABLE\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(" + StatementText.NAME + ")\\s+(.*)$");

    static AlterActions of(LintedStatement s) {
        return s.cached(LintedStatement.ALTER_ACTIONS, AlterActions::parse);
    }

    private static AlterActions parse(LintedStatement s) {
        if (!s.norm().startsWith("ALTER TABLE")) return null;
        Matcher m = ALTER.matcher(s.norm());
        if (!m.lookingAt()) return null;
        return new AlterActions(StatementText.qualified(m.group(1)), StatementText.splitTopLevel(m.group(2), ','));
    }
}
