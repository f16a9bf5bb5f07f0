package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DROP SCHEMA. */
public final class BanDropSchema extends BaseRule {

    public BanDropSchema() {
        super("ban-drop-schema", Severity.WARNING,
                "DROP SCHEMA removes every object in it (with CASCADE) or fails (without). Warning.",
                "drop the objects you mean explicitly, or make sure the schema is empty and unused");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (s.startsWith("DROP SCHEMA")) report.at(s, "DROP SCHEMA removes a whole namespace");
        }
    }
}
