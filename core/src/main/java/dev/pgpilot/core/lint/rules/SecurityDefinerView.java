package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** View in an exposed schema without security_invoker. */
public final class SecurityDefinerView extends BaseRule {
    private static final Pattern VIEW = StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:RECURSIVE\\s+)?VIEW\\s+(" + StatementText.NAME + ")");
    public SecurityDefinerView() {
        super("security-definer-view", Severity.WARNING,
                "A view runs with its owner's rights unless created WITH (security_invoker = true), so in an exposed schema it bypasses the RLS of the tables it reads. Warning (splinter says error): the view may have no API grants.",
                "CREATE VIEW ... WITH (security_invoker = true) AS ...");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = VIEW.matcher(s.norm());
            if (m.lookingAt() && LintedFile.EXPOSED_SCHEMAS.contains(StatementText.schemaOf(StatementText.qualified(m.group(1))))
                    && !s.norm().matches("(?s).*SECURITY_INVOKER\\s*=\\s*(?:TRUE|ON|1|YES|\\x27TRUE\\x27|\\x27ON\\x27).*")) {
                report.at(s, "view " + StatementText.qualified(m.group(1)) + " bypasses RLS (no security_invoker)");
            }
        }
    }
}
