package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE TABLE / CREATE INDEX (without IF NOT EXISTS) of a name that already exists at that point:
 * created by an earlier migration, or earlier in the same file, and not dropped or renamed since.
 */
public final class CreateExistingObject extends BaseRule {
    private static final Pattern CREATE_TABLE = StatementText.p("^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")");
    private static final Pattern DROP_TABLE = StatementText.p("^DROP\\s+TABLE\\s+(?:IF EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$");
    private static final Pattern RENAME = StatementText.p("^ALTER\\s+TABLE\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(" + StatementText.NAME + ")\\s+RENAME\\s+TO\\s+(" + StatementText.IDENT + ")$");
    private static final Pattern CREATE_INDEX = StatementText.p("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(IF NOT EXISTS\\s+)?(" + StatementText.IDENT + ")\\s+ON\\s+(?:ONLY\\s+)?(" + StatementText.NAME + ")");
    private static final Pattern DROP_SCHEMA = StatementText.p("^DROP\\s+SCHEMA\\s+(?:IF EXISTS\\s+)?(.*?)\\s+CASCADE$");
    private static final Pattern DROP_INDEX = StatementText.p("^DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$");

    public CreateExistingObject() {
        super("create-existing-object", Severity.WARNING,
                "Creating a table or index whose name already exists fails with \"relation already exists\": the migration cannot be applied to a database that has run the earlier ones. "
                        + "It usually means two migrations create the same object (a copied file, a squashed baseline next to the files it replaced). "
                        + "Warning, not error: the schema is replayed from the migrations' text, and an object dropped by dynamic SQL is not seen as dropped.",
                "remove the second CREATE, or make it CREATE ... IF NOT EXISTS when re-creating is intended");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        // Names this file has created (true) or dropped (false) so far; others as they were before the file.
        Map<String, Boolean> tables = new HashMap<>();
        Map<String, Boolean> indexes = new HashMap<>();
        Set<String> droppedTables = new HashSet<>(); // their indexes go with them
        Set<String> droppedSchemas = new HashSet<>();
        for (LintedStatement s : file.statements()) {
            String n = s.norm();
            Matcher m;
            if (n.startsWith("CREATE") && (m = CREATE_TABLE.matcher(n)).lookingAt()) {
                String t = StatementText.qualified(m.group(2));
                boolean before = file.after().existedBeforeFile(t) && !droppedSchemas.contains(StatementText.schemaOf(t));
                if (m.group(1) == null && !s.guarded() && tables.getOrDefault(t, before)) {
                    report.at(s, "table " + t + " already exists here (created " + (tables.containsKey(t) ? "earlier in this file" : "by an earlier migration") + "); this CREATE TABLE fails");
                }
                tables.put(t, true);
            } else if (n.startsWith("CREATE") && (m = CREATE_INDEX.matcher(n)).lookingAt()) {
                String i = StatementText.schemaOf(StatementText.qualified(m.group(3))) + "." + StatementText.ident(m.group(2));
                String table = file.tableOfIndexBefore(i);
                boolean before = table != null && !droppedTables.contains(table) && !droppedSchemas.contains(StatementText.schemaOf(table));
                if (m.group(1) == null && !s.guarded() && indexes.getOrDefault(i, before)) {
                    report.at(s, "index " + i + " already exists here (created " + (indexes.containsKey(i) ? "earlier in this file" : "by an earlier migration") + "); this CREATE INDEX fails");
                }
                indexes.put(i, true);
            } else if (n.startsWith("DROP TABLE") && (m = DROP_TABLE.matcher(n)).lookingAt()) {
                for (String t : StatementText.splitTopLevel(m.group(1), ',')) {
                    tables.put(StatementText.qualified(t), false);
                    droppedTables.add(StatementText.qualified(t));
                }
            } else if (n.startsWith("DROP SCHEMA") && (m = DROP_SCHEMA.matcher(n)).lookingAt()) {
                for (String schema : StatementText.splitTopLevel(m.group(1), ',')) droppedSchemas.add(StatementText.ident(schema));
            } else if (n.startsWith("DROP INDEX") && (m = DROP_INDEX.matcher(n)).lookingAt()) {
                for (String i : StatementText.splitTopLevel(m.group(1), ',')) indexes.put(StatementText.qualified(i), false);
            } else if (n.startsWith("ALTER TABLE") && (m = RENAME.matcher(n)).lookingAt()) {
                String from = StatementText.qualified(m.group(1));
                tables.put(from, false);
                tables.put(StatementText.schemaOf(from) + "." + StatementText.ident(m.group(2)), true);
            }
        }
    }
}
