package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ALTER COLUMN DROP NOT NULL. */
public final class BanDropNotNull extends BaseRule {

    public BanDropNotNull() {
        super("ban-drop-not-null", Severity.WARNING,
                "Dropping NOT NULL lets nulls in that clients and generated types assume cannot exist. Warning.",
                "keep the constraint, or update the clients first");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null) continue;
            for (String action : a.actions()) {
                if (action.matches("(?s)^ALTER\\s+.*DROP\\s+NOT\\s+NULL.*")) report.at(s, "DROP NOT NULL on " + a.table() + " lets nulls in");
            }
        }
    }
}
