package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SECURITY DEFINER function without SET search_path. */
public final class FunctionSearchPathMutable extends BaseRule {
    static final Pattern FUNCTION = StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\s+(" + StatementText.NAME + ")");
    public FunctionSearchPathMutable() {
        super("function-search-path-mutable", Severity.ERROR,
                "A SECURITY DEFINER function runs with its owner's rights; without a fixed search_path a caller can put their own objects first in the path and run code as the owner. Error: a real privilege-escalation hole. (Invoker functions are not checked.)",
                "add SET search_path = '' to the function and schema-qualify every name in its body");
    }

    /** The function's own setting, bare or quoted as pg_dump and `supabase db diff` write it; a SET inside the body does not count. */
    private static final Pattern SET_SEARCH_PATH = StatementText.p("\\bSET\\s+(?:SEARCH_PATH|\"search_path\")\\s*(?:=|TO\\b)");

    /** {@code ALTER FUNCTION name(args) ... SET search_path ...}: how "fix the search_path" migrations give a function its path. */
    private static final Pattern ALTER = StatementText.p("^ALTER\\s+(?:FUNCTION|PROCEDURE|ROUTINE)\\s+(" + StatementText.NAME + ")");

    /**
     * A definer function created without a path is reported unless a later statement of the file
     * sets it with ALTER FUNCTION (matched by name: an overload's ALTER clears every overload before
     * it). An ALTER before the CREATE OR REPLACE does not count: replacing resets every setting it does
     * not name.
     */
    @Override
    public void check(LintedFile file, Reporter report) {
        Map<String, List<LintedStatement>> withoutPath = new LinkedHashMap<>();
        for (LintedStatement s : file.statements()) {
            String n = s.norm();
            Matcher m = FUNCTION.matcher(n);
            if (m.lookingAt()) {
                String name = StatementText.qualified(m.group(1)); // overloads share it: each CREATE is a finding of its own
                if (n.contains("SECURITY DEFINER") && !SET_SEARCH_PATH.matcher(StatementText.withoutDollarBodies(n)).find()) {
                    withoutPath.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
                }
                continue;
            }
            Matcher alter = s.startsWith("ALTER") ? ALTER.matcher(n) : null;
            if (alter != null && alter.lookingAt() && SET_SEARCH_PATH.matcher(n).find()) {
                withoutPath.remove(StatementText.qualified(alter.group(1)));
            }
        }
        withoutPath.forEach((name, statements) -> statements.forEach(
                s -> report.at(s, "SECURITY DEFINER function " + name + " has no SET search_path")));
    }
}
