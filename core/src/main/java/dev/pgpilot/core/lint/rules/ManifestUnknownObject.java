package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaManifest;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CREATE TABLE, CREATE TYPE ... AS ENUM, ALTER TABLE (and ADD COLUMN) on objects the manifest does not list. */
public final class ManifestUnknownObject extends BaseRule {
    private static final Pattern TABLE = StatementText.p("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")");
    private static final Pattern ENUM = StatementText.p("^CREATE\\s+TYPE\\s+(" + StatementText.NAME + ")\\s+AS\\s+ENUM");
    private static final Pattern ADD_COLUMN = StatementText.p("^ADD\\s+(?:COLUMN\\s+)?(?:IF NOT EXISTS\\s+)?(" + StatementText.IDENT + ")");

    public ManifestUnknownObject() {
        super("manifest-unknown-object", Severity.ERROR,
                "When the project keeps supabase/schema-manifest.json, it is the list of tables, enums and columns that may exist; "
                        + "an object outside it is usually an invented or misspelt name. Error, because the project opted in; without a manifest the rule is off.",
                "use an object the manifest lists, or add the new object to supabase/schema-manifest.json in the same change");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        SchemaManifest m = file.manifest();
        if (m == null) return;
        for (LintedStatement s : file.statements()) {
            Matcher t = TABLE.matcher(s.norm());
            Matcher e = ENUM.matcher(s.norm());
            if (t.lookingAt()) {
                unknown(report, s, "table", StatementText.qualified(t.group(1)), m.tables());
            } else if (e.lookingAt()) {
                unknown(report, s, "enum", StatementText.qualified(e.group(1)), m.enums());
            } else {
                AlterActions a = AlterActions.of(s);
                if (a == null || a.actions().get(0).startsWith("RENAME")) continue;
                if (unknown(report, s, "table", a.table(), m.tables())) continue;
                Set<String> cols = m.columns().get(a.table());
                if (cols == null) continue;
                for (String action : a.actions()) {
                    Matcher c = ADD_COLUMN.matcher(action);
                    if (!action.startsWith("ADD CONSTRAINT") && c.lookingAt() && !java.util.List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK").contains(c.group(1))
                            && !cols.contains(StatementText.ident(c.group(1)))) {
                        report.at(s, "column " + a.table() + "." + StatementText.ident(c.group(1)) + " is not in the schema manifest");
                    }
                }
            }
        }
    }


    private static boolean unknown(Reporter report, LintedStatement s, String kind, String name, Set<String> known) {
        if (known.contains(name)) return false;
        report.at(s, kind + " " + name + " is not in the schema manifest");
        return true;
    }
}
