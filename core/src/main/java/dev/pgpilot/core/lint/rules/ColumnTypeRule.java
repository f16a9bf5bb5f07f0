package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.Locale;
import java.util.regex.Pattern;

/** A rule against one column type, wherever a column gets it: CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE. */
abstract class ColumnTypeRule extends BaseRule {
    private final Pattern type;
    private final String advice;
    private final String hint;

    /** @param hint text every statement declaring such a type contains: a cheap test before parsing the columns */
    ColumnTypeRule(String id, Severity severity, String why, String fix, Pattern type, String hint, String advice) {
        super(id, severity, why, fix);
        this.hint = hint;
        this.type = type;
        this.advice = advice;
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            if (!s.startsWith("CREATE") && !s.startsWith("ALTER TABLE") || !s.norm().contains(hint)) continue;
            for (ColumnTypes c : ColumnTypes.of(s)) {
                if (type.matcher(c.type()).lookingAt()) {
                    report.at(s, "column " + c.table() + "." + c.column() + " is " + c.type().toLowerCase(Locale.ROOT) + "; " + advice);
                }
            }
        }
    }
}
