package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Foreign key without an index whose leading columns are the key (checked where the table is created or altered to add it). */
public final class UnindexedForeignKeys extends BaseRule {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")");

    /** Reports on the CREATE TABLE (or the first ALTER TABLE adding a reference) only, once per table. */
    private static String tableOf(LintedStatement s) {
        Matcher m = CREATE.matcher(s.norm());
        if (m.lookingAt()) return s.norm().contains("REFERENCES") ? StatementText.qualified(m.group(1)) : null;
        AlterActions a = AlterActions.of(s);
        return a != null && s.norm().contains("REFERENCES") ? a.table() : null;
    }

    private static boolean firstDeclaredHere(LintedFile file, LintedStatement s, String table) {
        return file.statements().stream().filter(o -> o.index() < s.index()).noneMatch(o -> table.equals(tableOf(o)));
    }
    public UnindexedForeignKeys() {
        super("unindexed-foreign-keys", Severity.INFO,
                "Deleting or updating a parent row scans the child table unless an index leads with the foreign key column(s); joins on the key are slow too. Info, as in splinter.",
                "CREATE INDEX ON <table> (<fk columns>)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        for (LintedStatement s : file.statements()) {
            String table = tableOf(s);
            if (table == null) continue;
            SchemaModel.Table t = file.after().table(table);
            if (t == null) continue;
            for (SchemaModel.ForeignKey fk : t.foreignKeys) {
                if (!firstDeclaredHere(file, s, table)) continue;
                boolean indexed = t.indexes.stream().anyMatch(i -> i.columns().size() >= fk.columns().size()
                        && i.columns().subList(0, fk.columns().size()).equals(fk.columns()));
                if (!indexed) report.at(s, "foreign key " + table + "(" + String.join(", ", fk.columns()) + ") has no index leading with its columns");
            }
        }
    }
}
