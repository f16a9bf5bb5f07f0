package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SECURITY DEFINER function in an exposed schema with no REVOKE EXECUTE from anon. A revoke from
 * PUBLIC alone is not enough on Supabase: its default privileges grant EXECUTE to anon and
 * authenticated directly, so those grants survive a revoke from PUBLIC.
 */
public final class AnonSecurityDefinerFunctionExecutable extends BaseRule {

    public AnonSecurityDefinerFunctionExecutable() {
        super("anon-security-definer-function-executable", Severity.WARNING,
                "Functions are executable by PUBLIC and, on Supabase, by anon and authenticated through their own default grants, so a SECURITY DEFINER function in an exposed schema can be called through the API by anyone with the anon key, with its owner's rights. REVOKE ... FROM PUBLIC leaves the anon grant in place. Warning.",
                "REVOKE EXECUTE ON FUNCTION ... FROM public, anon, authenticated in the same migration, then GRANT it to the roles that need it (or move it to a private schema)");
    }

    /** Only a revoke that names anon closes the hole (PUBLIC alone leaves anon's own grant). */
    private static final Pattern REVOKED_FROM_ANON = Pattern.compile("\\bFROM\\s+(?:[\\w\"]+\\s*,\\s*)*\"?ANON\\b");

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = FunctionSearchPathMutable.FUNCTION.matcher(s.norm());
            if (!m.lookingAt() || !s.norm().contains("SECURITY DEFINER")) continue;
            String f = StatementText.qualified(m.group(1));
            if (!LintedFile.EXPOSED_SCHEMAS.contains(StatementText.schemaOf(f))) continue;
            String bare = f.substring(f.indexOf(46) + 1).toUpperCase(java.util.Locale.ROOT);
            // quoted names keep their case in the normalized text ("public"."has_x"): compare them unquoted, upper-cased
            boolean revoked = file.statements().stream().map(o -> o.norm().replace("\"", "").toUpperCase(java.util.Locale.ROOT))
                    .anyMatch(o -> o.startsWith("REVOKE") && o.contains(bare) && REVOKED_FROM_ANON.matcher(o).find());
            if (!revoked) report.at(s, "SECURITY DEFINER function " + f + " is executable by anon through the API");
        }
    }
}
