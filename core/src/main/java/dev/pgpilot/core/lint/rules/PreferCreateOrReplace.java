package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE FUNCTION/PROCEDURE/VIEW/TRIGGER without OR REPLACE. */
public final class PreferCreateOrReplace extends BaseRule {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(FUNCTION|PROCEDURE|VIEW|TRIGGER)\\b");
    public PreferCreateOrReplace() {
        super("prefer-create-or-replace", Severity.WARNING,
                "CREATE FUNCTION / VIEW / TRIGGER fail when the object exists; OR REPLACE makes the statement rerunnable and lets later migrations redefine it. Warning: the house style makes migrations re-runnable.",
                "CREATE OR REPLACE FUNCTION / VIEW / TRIGGER");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = CREATE.matcher(s.norm());
            if (m.lookingAt() && !s.guarded()) report.at(s, "CREATE " + m.group(1) + " without OR REPLACE");
        }
    }
}
