package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** New table without created_at/updated_at. */
public final class RequireTimestamps extends BaseRule {

    public RequireTimestamps() {
        super("require-timestamps", Severity.INFO,
                "created_at and updated_at columns answer when a row appeared and last changed, which support and audits need. Info: a house convention, not a safety rule.",
                "add created_at timestamptz not null default now() and updated_at timestamptz not null default now()");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (CreatedTables c : CreatedTables.in(file)) {
            java.util.List<String> missing = java.util.stream.Stream.of("created_at", "updated_at").filter(x -> !c.table().columns.containsKey(x)).toList();
            if (!missing.isEmpty()) report.at(c.statement(), "table " + c.name() + " has no " + String.join(" / ", missing));
        }
    }
}
