package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A table created in an exposed schema whose RLS is still off at the end of the file. */
public final class RlsDisabledInPublic extends BaseRule {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")");
    public RlsDisabledInPublic() {
        super("rls-disabled-in-public", Severity.WARNING,
                "Supabase exposes tables in public through its API and grants anon and authenticated access by default; without row level security anyone with the anon key can read and change every row. Warning, not error: hand-written schemas often enable RLS in a later migration, and internal tables may have their grants revoked.",
                "ALTER TABLE ... ENABLE ROW LEVEL SECURITY in the same migration, then add policies");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = CREATE.matcher(s.norm());
            if (!m.lookingAt()) continue;
            String t = StatementText.qualified(m.group(1));
            SchemaModel.Table after = file.after().table(t);
            if (LintedFile.EXPOSED_SCHEMAS.contains(StatementText.schemaOf(t)) && after != null && !after.rls && !file.isExistingTable(t, s)) {
                report.at(s, "table " + t + " is exposed through the API without row level security");
            }
        }
    }
}
