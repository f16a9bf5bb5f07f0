package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.Severity;
import dev.pgpilot.core.lint.Sql;
import dev.pgpilot.core.lint.Stmt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SECURITY DEFINER function without SET search_path. */
public final class FunctionSearchPathMutable extends BaseRule {
    static final Pattern FUNCTION = Sql.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\s+(" + Sql.NAME + ")");
    public FunctionSearchPathMutable() {
        super("function-search-path-mutable", Severity.ERROR,
                "A SECURITY DEFINER function runs with its owner's rights; without a fixed search_path a caller can put their own objects first in the path and run code as the owner. Error: a real privilege-escalation hole. (Invoker functions are not checked.)",
                "add SET search_path = '' to the function and schema-qualify every name in its body");
    }

    /** The function's own setting, bare or quoted as pg_dump and `supabase db diff` write it; a SET inside the body does not count. */
    private static final Pattern SET_SEARCH_PATH = Sql.p("\\bSET\\s+(?:SEARCH_PATH|\"search_path\")\\s*(?:=|TO\\b)");

    @Override
    public void check(LintedFile file, Reporter report) {
        for (Stmt s : file.statements()) {
            String n = s.norm();
            Matcher m = FUNCTION.matcher(n);
            if (m.lookingAt() && n.contains("SECURITY DEFINER") && !SET_SEARCH_PATH.matcher(Sql.withoutDollarBodies(n)).find()) {
                report.at(s, "SECURITY DEFINER function " + Sql.qualified(m.group(1)) + " has no SET search_path");
            }
        }
    }
}
