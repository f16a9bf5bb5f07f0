package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;
import dev.pgpilot.core.sql.SqlScript;
import java.util.List;

/**
 * A string literal, quoted identifier, dollar quote or block comment that never closes. The splitter
 * reads it to the end of the file (it must never throw), so without this rule such a file would lint
 * clean while the server rejects it, or, run by a tool that concatenates files, swallows the next one.
 */
public final class UnterminatedQuote extends BaseRule {
    public UnterminatedQuote() {
        super("unterminated-quote", Severity.ERROR,
                "Everything after an opening quote, $tag$ or /* that never closes is inside it: the file's later statements are not statements at all, "
                        + "and the server rejects the file with a syntax error at its end. Error: the file cannot be right.",
                "close it where it should end (a ' for a literal, the same $tag$ for a dollar-quoted body, */ for a comment)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        // An unclosed construct runs to the end of the text, so it lies in the last statement or after it.
        List<LintedStatement> statements = file.statements().stream().filter(s -> !s.inDoBlock()).toList(); // a DO block's body is inside its statement
        int from = statements.isEmpty() ? 0 : statements.get(statements.size() - 1).sql().startOffset();
        int firstLine = statements.isEmpty() ? 1 : statements.get(statements.size() - 1).line();
        SqlScript.unterminated(file.text().substring(from)).ifPresent(u -> {
            int line = firstLine + u.at().line() - 1;
            report.atFile(line, u.what() + " opened on line " + line + " is never closed: the rest of the file is inside it");
        });
    }
}
