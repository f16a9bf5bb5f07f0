package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** New table with updated_at but no trigger maintaining it. */
public final class UpdatedAtTrigger extends BaseRule {

    public UpdatedAtTrigger() {
        super("updated-at-trigger", Severity.INFO,
                "An updated_at column that no trigger maintains keeps its insert time forever and silently lies. Info.",
                "CREATE TRIGGER ... BEFORE UPDATE ON <table> FOR EACH ROW EXECUTE FUNCTION moddatetime(updated_at) (or your set_updated_at())");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (CreatedTables c : CreatedTables.in(file)) {
            if (c.table().columns.containsKey("updated_at") && !c.table().updatedAtTrigger) {
                report.at(c.statement(), "table " + c.name() + " has updated_at but no BEFORE UPDATE trigger sets it");
            }
        }
    }
}
