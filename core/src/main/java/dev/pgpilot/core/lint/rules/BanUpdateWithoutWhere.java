package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** UPDATE without WHERE. */
public final class BanUpdateWithoutWhere extends BaseRule {

    public BanUpdateWithoutWhere() {
        super("ban-update-without-where", Severity.ERROR,
                "UPDATE without WHERE rewrites every row of the table in every environment, under a lock that blocks other writers. Error.",
                "add a WHERE clause (WHERE true if you really mean all rows, with an ignore comment saying why)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            if (!s.startsWith("UPDATE")) continue;
            String n = Sql.withoutStrings(s.norm());
            if (n.startsWith("UPDATE ") && !n.contains(" WHERE ")) report.at(s, "UPDATE without WHERE rewrites every row");
        }
    }
}
