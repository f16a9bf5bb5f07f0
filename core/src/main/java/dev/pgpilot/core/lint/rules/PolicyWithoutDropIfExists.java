package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE POLICY not preceded by DROP POLICY IF EXISTS of the same policy. */
public final class PolicyWithoutDropIfExists extends BaseRule {
    private static final Pattern DROP = StatementText.p("^DROP\\s+POLICY\\s+IF EXISTS\\s+(" + StatementText.IDENT + ")\\s+ON\\s+(" + StatementText.NAME + ")");

    private static boolean dropsPolicy(LintedStatement o, Policies p) {
        Matcher m = DROP.matcher(o.norm());
        return m.lookingAt() && StatementText.ident(m.group(1)).equals(p.policy().name()) && StatementText.qualified(m.group(2)).equals(p.table());
    }
    public PolicyWithoutDropIfExists() {
        super("policy-without-drop-if-exists", Severity.INFO,
                "PostgreSQL has no CREATE POLICY IF NOT EXISTS, so rerunning the file fails unless a DROP POLICY IF EXISTS for the same name and table comes first. Info.",
                "put DROP POLICY IF EXISTS <name> ON <table> right before the CREATE POLICY");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        var stmts = file.statements();
        for (LintedStatement s : stmts) {
            Policies p = Policies.of(s);
            if (p == null || s.guarded()) continue; // created only when missing: rerunning cannot fail
            boolean dropped = stmts.stream().anyMatch(o -> o.index() < s.index() && dropsPolicy(o, p));
            if (!dropped) report.at(s, "CREATE POLICY " + p.policy().name() + " without a DROP POLICY IF EXISTS before it");
        }
    }
}
