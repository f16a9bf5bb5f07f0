package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE TABLE without a primary key (by the end of the file). */
public final class RequirePrimaryKey extends BaseRule {

    public RequirePrimaryKey() {
        super("require-primary-key", Severity.WARNING,
                "A table without a primary key cannot be updated reliably through the API, replicated logically or deduplicated. Warning.",
                "add id bigint generated always as identity primary key (or uuid primary key default gen_random_uuid())");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (CreatedTables c : CreatedTables.in(file)) {
            if (!c.table().primaryKey) report.at(c.statement(), "table " + c.name() + " has no primary key");
        }
    }
}
