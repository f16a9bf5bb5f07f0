package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ADD COLUMN with a default that forces a table rewrite, on an existing table. */
public final class AddingFieldWithDefault extends BaseRule {
    private static final Pattern VOLATILE = StatementText.p("\\bDEFAULT\\s+(?:RANDOM|GEN_RANDOM_UUID|UUID_GENERATE_V4|CLOCK_TIMESTAMP|TIMEOFDAY|NEXTVAL)\\s*\\(|\\b(?:SMALL|BIG)?SERIAL\\b|\\bGENERATED\\b.*\\b(?:IDENTITY|STORED)\\b");
    public AddingFieldWithDefault() {
        super("adding-field-with-default", Severity.WARNING,
                "A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval, serial, identity or a STORED generated column) makes PostgreSQL rewrite the whole table under an ACCESS EXCLUSIVE lock. Constant and now() defaults are free since PostgreSQL 11. Warning: fine on small tables.",
                "add the column without the default, set the default, then backfill existing rows in batches");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || !file.isExistingTable(a.table(), s)) continue;
            for (String action : a.actions()) {
                if (action.startsWith("ADD") && !action.startsWith("ADD CONSTRAINT") && VOLATILE.matcher(action).find()) {
                    report.at(s, "column with a volatile default rewrites existing table " + a.table());
                }
            }
        }
    }
}
