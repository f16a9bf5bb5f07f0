package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DROP TABLE of a table this file did not create. */
public final class BanDropTable extends BaseRule {
    private static final Pattern DROP = StatementText.p("^DROP\\s+TABLE\\s+(?:IF EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$");
    public BanDropTable() {
        super("ban-drop-table", Severity.WARNING,
                "Dropping a table deletes its data for good and breaks every client that reads it. Warning, not error: removing an unused table is a normal, intended change; tables created earlier in the same file are not checked.",
                "make sure nothing reads it and a backup exists; consider renaming it first and dropping it a release later");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = DROP.matcher(s.norm());
            if (!m.lookingAt()) continue;
            for (String name : StatementText.splitTopLevel(m.group(1), ',')) {
                String t = StatementText.qualified(name);
                if (!file.createsTable(t) || file.isExistingTable(t, s)) report.at(s, "DROP TABLE " + t + " deletes its data permanently");
            }
        }
    }
}
