package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE/DROP/ADD COLUMN without IF [NOT] EXISTS. */
public final class PreferRobustStmts extends BaseRule {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX|SCHEMA|EXTENSION|SEQUENCE)");
    private static final Pattern DROP = StatementText.p("^DROP\\s+(?:TABLE|INDEX|SCHEMA|EXTENSION|SEQUENCE|VIEW|MATERIALIZED VIEW|FUNCTION|TYPE|TRIGGER)\\b");
    public PreferRobustStmts() {
        super("prefer-robust-stmts", Severity.WARNING,
                "A migration that can be rerun after a partial failure (or applied to a database that already has the object) needs IF [NOT] EXISTS on CREATE TABLE/INDEX/SCHEMA/EXTENSION, ADD COLUMN and DROP. Warning: the house style makes migrations re-runnable (a manual rerun, a statement-by-statement file resumed, a database that already has the object); lower it in pgpilot.yaml when a project does not want that.",
                "add IF NOT EXISTS (or IF EXISTS for DROP)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (s.guarded()) continue; // the DO block around it checks first
            String n = s.norm();
            Matcher c = CREATE.matcher(n);
            if (c.lookingAt() && !n.startsWith(c.group() + " IF NOT EXISTS") && !n.startsWith(c.group() + " CONCURRENTLY IF NOT EXISTS")) {
                report.at(s, c.group() + " without IF NOT EXISTS");
            } else if (DROP.matcher(n).lookingAt() && !n.matches("(?s)^DROP\\s+\\w+(?:\\s+\\w+)?(?:\\s+CONCURRENTLY)?\\s+IF EXISTS.*") && !n.startsWith("DROP POLICY")) {
                report.at(s, s.sql().firstWords(2) + " without IF EXISTS");
            } else {
                AlterActions a = AlterActions.of(s);
                if (a != null && a.actions().stream().anyMatch(x -> x.startsWith("ADD COLUMN") && !x.startsWith("ADD COLUMN IF NOT EXISTS"))) {
                    report.at(s, "ADD COLUMN without IF NOT EXISTS");
                }
            }
        }
    }
}
