package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TRUNCATE. */
public final class BanTruncate extends BaseRule {

    public BanTruncate() {
        super("ban-truncate", Severity.ERROR,
                "TRUNCATE deletes every row, takes an ACCESS EXCLUSIVE lock and is not MVCC-safe for concurrent readers; in a migration that runs in every environment it wipes production data. Error.",
                "delete the rows you mean with DELETE ... WHERE, or truncate by hand in the one environment that needs it");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (s.startsWith("TRUNCATE")) report.at(s, "TRUNCATE wipes every row in every environment this migration reaches");
        }
    }
}
