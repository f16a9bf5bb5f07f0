package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GRANT ... TO anon or PUBLIC. */
public final class GrantToAnon extends BaseRule {

    public GrantToAnon() {
        super("grant-to-anon", Severity.WARNING,
                "GRANT to anon or PUBLIC opens the object to anyone with the project's public anon key; for tables RLS still applies, for functions, sequences and views it may not. Warning.",
                "grant to authenticated (or a narrower role), and keep RLS on");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            String n = s.norm();
            if (n.startsWith("GRANT ") && n.matches("(?s).*\\bTO\\s+(?:.*,\\s*)?(?:ANON|PUBLIC)\\b.*")) {
                report.at(s, "grant to anon/PUBLIC exposes this object to unauthenticated users");
            }
        }
    }
}
