package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CREATE POLICY statement, parsed: its table and the policy. */
record Policies(String table, SchemaModel.Policy policy) {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+POLICY\\s+(" + StatementText.IDENT + ")\\s+ON\\s+(" + StatementText.NAME + ")(.*)$");

    static Policies of(LintedStatement s) {
        return s.cached(LintedStatement.POLICY, Policies::parse);
    }

    private static Policies parse(LintedStatement s) {
        if (!s.norm().startsWith("CREATE POLICY")) return null;
        Matcher m = CREATE.matcher(s.norm());
        if (!m.lookingAt()) return null;
        return new Policies(StatementText.qualified(m.group(2)), SchemaModel.parsePolicy(StatementText.ident(m.group(1)), m.group(3)));
    }
}
