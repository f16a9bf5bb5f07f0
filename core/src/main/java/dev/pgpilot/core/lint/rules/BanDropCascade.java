package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DROP ... CASCADE. */
public final class BanDropCascade extends BaseRule {

    public BanDropCascade() {
        super("ban-drop-cascade", Severity.WARNING,
                "CASCADE silently drops everything that depends on the object (views, foreign keys, policies), which the file does not show. Warning.",
                "drop the dependent objects explicitly, then drop without CASCADE");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            String n = s.norm();
            if ((n.startsWith("DROP ") || (n.startsWith("ALTER TABLE") && n.contains(" DROP "))) && n.endsWith(" CASCADE")) {
                report.at(s, "CASCADE also drops every dependent object, unseen");
            }
        }
    }
}
