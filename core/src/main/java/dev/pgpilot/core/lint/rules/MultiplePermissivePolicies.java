package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** More than one permissive policy for the same table, role and action. */
public final class MultiplePermissivePolicies extends BaseRule {
    private static boolean overlaps(SchemaModel.Policy a, SchemaModel.Policy b) {
        boolean action = a.command().equals(b.command()) || a.command().equals("ALL") || b.command().equals("ALL");
        boolean role = a.roles().contains("public") || b.roles().contains("public") || a.roles().stream().anyMatch(b.roles()::contains);
        boolean bypass = a.roles().equals(java.util.List.of("service_role")) || b.roles().equals(java.util.List.of("service_role"));
        return action && role && !bypass;
    }
    public MultiplePermissivePolicies() {
        super("multiple-permissive-policies", Severity.WARNING,
                "PostgreSQL evaluates every permissive policy for a role and action and ORs them, so two policies cost twice and are easy to misread. FOR ALL counts for every action and TO public for every role. Warning, as in splinter.",
                "merge them into one policy with OR, or make one of them AS RESTRICTIVE");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Policies p = Policies.of(s);
            if (p == null || !p.policy().permissive()) continue;
            SchemaModel.Table t = file.after().table(p.table());
            if (t == null) continue;
            for (SchemaModel.Policy other : t.policies) {
                if (other.name().equals(p.policy().name()) || !other.permissive()) continue;
                if (overlaps(other, p.policy())) {
                    report.at(s, "policies " + other.name() + " and " + p.policy().name() + " are both permissive for the same role and action on " + p.table());
                    break;
                }
            }
        }
    }
}
