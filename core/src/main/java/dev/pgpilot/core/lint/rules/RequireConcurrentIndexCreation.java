package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE INDEX without CONCURRENTLY on a table that existed before this file. */
public final class RequireConcurrentIndexCreation extends BaseRule {
    private static final Pattern INDEX = StatementText.p("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?:IF NOT EXISTS\\s+)?(?:" + StatementText.NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?(" + StatementText.NAME + ")");

    public RequireConcurrentIndexCreation() {
        super("require-concurrent-index-creation", Severity.WARNING,
                "CREATE INDEX takes a SHARE lock that blocks every write to the table until the index is built. "
                        + "Warning, not error: on a small table it is harmless; tables created earlier in the same file are not checked.",
                "CREATE INDEX CONCURRENTLY in a migration of its own (pgpilot runs such files outside a transaction)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = INDEX.matcher(s.norm());
            if (m.lookingAt() && m.group(1) == null) {
                String table = StatementText.qualified(m.group(2));
                if (file.isExistingTable(table, s)) {
                    report.at(s, "index on existing table " + table + " without CONCURRENTLY blocks writes while it builds");
                }
            }
        }
    }
}
