package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DELETE without WHERE. */
public final class BanDeleteWithoutWhere extends BaseRule {

    public BanDeleteWithoutWhere() {
        super("ban-delete-without-where", Severity.ERROR,
                "DELETE without WHERE removes every row of the table in every environment. Error: a bulk delete in a migration is almost always a mistake.",
                "add a WHERE clause (WHERE true if you really mean all rows, with an ignore comment saying why)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (!s.startsWith("DELETE") && !s.startsWith("WITH")) continue;
            String n = StatementText.withoutStrings(s.norm());
            int delete = n.startsWith("DELETE FROM") ? 0 : n.startsWith("WITH ") ? n.indexOf(") DELETE FROM") : -1;
            if (delete >= 0 && !hasTopLevelWhere(n, n.indexOf("DELETE FROM", delete))) {
                report.at(s, "DELETE without WHERE removes every row");
            }
        }
    }

    /** A WHERE of the DELETE itself: after it and outside parentheses, so one inside a WITH query or a subquery does not count. */
    private static boolean hasTopLevelWhere(String n, int from) {
        int depth = 0;
        for (int i = from; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && c == ' ' && n.startsWith(" WHERE ", i)) return true;
        }
        return false;
    }
}
