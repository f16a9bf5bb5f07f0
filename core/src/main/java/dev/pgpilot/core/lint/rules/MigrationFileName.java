package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Migration file name not in the house form. */
public final class MigrationFileName extends BaseRule {
    private static final Pattern HOUSE = Pattern.compile("^(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])([01]\\d|2[0-3])[0-5]\\d[0-5]\\d_[a-z0-9]+(_[a-z0-9]+)*(\\.down)?\\.sql$");
    private static final Pattern DATED = Pattern.compile("^\\d{8}_\\d{3}_[a-z0-9]+(_[a-z0-9]+)*(\\.down)?\\.sql$");
    public MigrationFileName() {
        super("migration-file-name", Severity.WARNING,
                "pgpilot and the Supabase CLI order migrations by the 14-digit UTC timestamp in the name; a descriptive snake_case name keeps the folder readable. Warning: the file still applies. In YYYYMMDD_NNN_name.sql the version is the date alone (the digits before the first _, as the Supabase CLI reads it), so a second file of that day has the same version.",
                "rename to YYYYMMDDHHMMSS_snake_case.sql");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        String name = java.nio.file.Path.of(file.fileName()).getFileName().toString();
        if (DATED.matcher(name).matches()) {
            report.atFile(1, "file name " + name + " has version " + name.substring(0, 8) + " (the digits before the first _, as the Supabase CLI"
                    + " reads it): a second file of that day would have the same version");
        } else if (!HOUSE.matcher(name).matches()) {
            report.atFile(1, "file name " + name + " is not YYYYMMDDHHMMSS_snake_case.sql");
        }
    }
}
