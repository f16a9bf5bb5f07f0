package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE EXTENSION without a schema other than public. Extensions whose objects always go into a
 * schema of their own are left alone: the SCHEMA clause does not decide where their objects land.
 */
public final class ExtensionInPublic extends BaseRule {
    private static final Pattern EXT = StatementText.p("^CREATE\\s+EXTENSION\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.IDENT + ")");
    private static final Pattern SCHEMA = StatementText.p("\\bSCHEMA\\s+(" + StatementText.IDENT + ")");
    /**
     * Extension -> the schema its objects always land in: fixed by its control file ({@code schema =},
     * not relocatable: pg_graphql, supabase_vault, pgsodium, pgmq, pg_tle, the procedural languages), or
     * created by its install script, which qualifies every object (pg_cron's cron, pg_net's net).
     */
    static final java.util.Map<String, String> OWN_SCHEMA = java.util.Map.ofEntries(
            java.util.Map.entry("pg_graphql", "graphql"), java.util.Map.entry("supabase_vault", "vault"),
            java.util.Map.entry("pgsodium", "pgsodium"), java.util.Map.entry("pgmq", "pgmq"), java.util.Map.entry("pg_tle", "pgtle"),
            java.util.Map.entry("pg_cron", "cron"), java.util.Map.entry("pg_net", "net"),
            java.util.Map.entry("plpgsql", "pg_catalog"), java.util.Map.entry("plperl", "pg_catalog"), java.util.Map.entry("plperlu", "pg_catalog"),
            java.util.Map.entry("plpython3u", "pg_catalog"), java.util.Map.entry("pltcl", "pg_catalog"), java.util.Map.entry("pltclu", "pg_catalog"),
            java.util.Map.entry("plv8", "pg_catalog"));

    public ExtensionInPublic() {
        super("extension-in-public", Severity.WARNING,
                "An extension installed into public puts its functions and types in the API schema, where they are exposed and can collide with yours. Warning.",
                "CREATE EXTENSION ... WITH SCHEMA extensions");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            Matcher m = EXT.matcher(s.norm());
            if (!m.lookingAt() || OWN_SCHEMA.containsKey(StatementText.ident(m.group(1)))) continue;
            Matcher schema = SCHEMA.matcher(s.norm());
            if (!schema.find() || StatementText.ident(schema.group(1)).equals("public")) {
                report.at(s, "extension " + StatementText.ident(m.group(1)) + " goes into public");
            }
        }
    }
}
