package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File without a header comment. */
public final class RequireHeaderComment extends BaseRule {

    public RequireHeaderComment() {
        super("require-header-comment", Severity.INFO,
                "A comment at the top saying what the migration does and why is what a reviewer reads first and what history shows later. Info.",
                "start the file with -- comments: what, why, ticket");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        String t = file.text().stripLeading();
        if (!t.isEmpty() && !t.startsWith("--") && !t.startsWith("/*")) report.atFile(1, "no header comment at the top of the file");
    }
}
