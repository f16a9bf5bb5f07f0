package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DROP POLICY with no CREATE POLICY on the same table later in the file. */
public final class PolicyDroppedWithoutReplacement extends BaseRule {
    private static final Pattern DROP = StatementText.p("^DROP\\s+POLICY\\s+(?:IF EXISTS\\s+)?(" + StatementText.IDENT + ")\\s+ON\\s+(" + StatementText.NAME + ")");
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+POLICY\\s+" + StatementText.IDENT + "\\s+ON\\s+(" + StatementText.NAME + ")");

    private static String matchTable(String norm) {
        Matcher m = CREATE.matcher(norm);
        return m.lookingAt() ? m.group(1) : "";
    }
    public PolicyDroppedWithoutReplacement() {
        super("policy-dropped-without-replacement", Severity.WARNING,
                "Dropping a policy without creating one in its place changes who can see or change rows (often to nobody, sometimes to everybody). Warning: rewriting a policy as DROP + CREATE is the normal pattern and is not flagged.",
                "create the replacement policy in the same migration, right after the DROP POLICY");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        var statements = file.statements();
        for (LintedStatement s : statements) {
            if (!s.startsWith("DROP POLICY")) continue;
            Matcher m = DROP.matcher(s.norm());
            if (!m.lookingAt()) continue;
            String table = StatementText.qualified(m.group(2));
            boolean replaced = statements.stream().anyMatch(o -> o.index() > s.index() && o.startsWith("CREATE POLICY") && CREATE.matcher(o.norm()).lookingAt()
                    && StatementText.qualified(matchTable(o.norm())).equals(table));
            if (!replaced) report.at(s, "policy " + StatementText.ident(m.group(1)) + " on " + table + " is dropped and nothing replaces it");
        }
    }
}
