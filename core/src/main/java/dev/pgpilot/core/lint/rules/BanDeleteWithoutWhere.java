package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
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
        for (Stmt s : file.statements()) {
            if (!s.startsWith("DELETE") && !s.startsWith("WITH")) continue;
            String n = Sql.withoutStrings(s.norm());
            if ((n.startsWith("DELETE FROM") || n.startsWith("WITH ") && n.contains(") DELETE FROM")) && !n.contains(" WHERE ")) {
                report.at(s, "DELETE without WHERE removes every row");
            }
        }
    }
}
