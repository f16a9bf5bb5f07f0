package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** New table without COMMENT ON TABLE. */
public final class RequireTableComment extends BaseRule {

    public RequireTableComment() {
        super("require-table-comment", Severity.INFO,
                "COMMENT ON TABLE shows up in Supabase Studio, the generated API docs and psql; it is the cheapest documentation there is. Info.",
                "COMMENT ON TABLE <table> IS '...'");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (CreatedTables c : CreatedTables.in(file)) {
            if (!c.table().comment) report.at(c.statement(), "table " + c.name() + " has no COMMENT ON TABLE");
        }
    }
}
