package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DROP DATABASE. */
public final class BanDropDatabase extends BaseRule {

    public BanDropDatabase() {
        super("ban-drop-database", Severity.ERROR,
                "DROP DATABASE in a migration destroys everything, and cannot run in a transaction anyway. Error.",
                "drop databases by hand, never from a migration");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (s.startsWith("DROP DATABASE")) report.at(s, "DROP DATABASE in a migration");
        }
    }
}
