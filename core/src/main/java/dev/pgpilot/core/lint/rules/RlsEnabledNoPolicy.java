package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RLS enabled in this file on a table that has no policy at the end of it. */
public final class RlsEnabledNoPolicy extends BaseRule {

    public RlsEnabledNoPolicy() {
        super("rls-enabled-no-policy", Severity.INFO,
                "With RLS on and no policy, the API sees no rows at all; that is safe but often not what was meant. Info, as in splinter.",
                "add policies for the roles that should see rows, or note that the table is service-role only");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            AlterActions a = AlterActions.of(s);
            if (a == null || a.actions().stream().noneMatch(x -> x.startsWith("ENABLE ROW LEVEL SECURITY"))) continue;
            SchemaModel.Table t = file.after().table(a.table());
            if (t != null && t.rls && t.policies.isEmpty()) report.at(s, "RLS is on for " + a.table() + " but no policy allows any access");
        }
    }
}
