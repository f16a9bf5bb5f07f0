package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE POLICY on a table whose RLS is off at the end of the file. */
public final class PolicyExistsRlsDisabled extends BaseRule {

    public PolicyExistsRlsDisabled() {
        super("policy-exists-rls-disabled", Severity.WARNING,
                "Policies do nothing while row level security is off on their table, so the table is wide open despite looking protected. Warning (splinter says error): RLS may be enabled in a later migration.",
                "ALTER TABLE ... ENABLE ROW LEVEL SECURITY");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Policies p = Policies.of(s);
            if (p == null) continue;
            SchemaModel.Table t = file.after().table(p.table());
            if (t != null && !t.rls) report.at(s, "policy " + p.policy().name() + " has no effect: RLS is off on " + p.table());
        }
    }
}
