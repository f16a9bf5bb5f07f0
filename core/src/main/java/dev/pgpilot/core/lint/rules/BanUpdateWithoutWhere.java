package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UPDATE without WHERE. A backfill is not flagged: an UPDATE that sets only columns added to its table
 * earlier in the same file, or that updates a table the file created. It overwrites no value that
 * existed before the migration (the new columns held their default), which is what the rule guards
 * against; every other UPDATE of all rows still needs {@code WHERE true} and a comment saying why.
 */
public final class BanUpdateWithoutWhere extends BaseRule {
    private static final Pattern UPDATE = StatementText.p("^UPDATE\\s+(?:ONLY\\s+)?(" + StatementText.NAME + ")(?:\\s+(?:AS\\s+)?" + StatementText.IDENT + ")?\\s+SET\\s+(.*)$");
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")");
    private static final Pattern ADD_COLUMN = StatementText.p("^ADD\\s+(?:COLUMN\\s+)?(?:IF NOT EXISTS\\s+)?(" + StatementText.IDENT + ")");
    private static final Set<String> NOT_A_COLUMN = Set.of("constraint", "primary", "unique", "foreign", "check", "exclude");
    private static final Pattern SET_TARGET = StatementText.p("^(" + StatementText.IDENT + ")(?:\\s*\\.\\s*" + StatementText.IDENT + "|\\s*\\[[^\\]]*+\\])?\\s*=");

    public BanUpdateWithoutWhere() {
        super("ban-update-without-where", Severity.ERROR,
                "UPDATE without WHERE rewrites every row of the table in every environment, under a lock that blocks other writers. "
                        + "A backfill of columns added earlier in the same file (or of a table the file creates) overwrites nothing and is not flagged. Error.",
                "add a WHERE clause (WHERE true if you really mean all rows, with an ignore comment saying why)");
    }

    @Override
    public void check(LintedFile file, Reporter report) {
        Map<String, Set<String>> addedColumns = new HashMap<>();
        Set<String> createdTables = new HashSet<>();
        for (LintedStatement s : file.statements()) {
            Matcher created = CREATE.matcher(s.norm());
            if (created.lookingAt()) createdTables.add(StatementText.qualified(created.group(1)));
            AlterActions alter = AlterActions.of(s);
            if (alter != null) recordAddedColumns(alter, addedColumns);
            if (!s.startsWith("UPDATE")) continue;
            String n = StatementText.withoutStrings(s.norm());
            if (!n.startsWith("UPDATE ") || n.contains(" WHERE ")) continue;
            Matcher m = UPDATE.matcher(n);
            if (m.lookingAt()) {
                String table = StatementText.qualified(m.group(1));
                if (createdTables.contains(table)) continue;
                Set<String> targets = setTargets(m.group(2));
                if (targets != null && addedColumns.getOrDefault(table, Set.of()).containsAll(targets)) continue;
            }
            report.at(s, "UPDATE without WHERE rewrites every row");
        }
    }

    private static void recordAddedColumns(AlterActions alter, Map<String, Set<String>> addedColumns) {
        for (String action : alter.actions()) {
            Matcher add = ADD_COLUMN.matcher(action);
            if (!add.lookingAt()) continue;
            String column = StatementText.ident(add.group(1));
            if (add.group(1).startsWith("\"") || !NOT_A_COLUMN.contains(column)) {
                addedColumns.computeIfAbsent(alter.table(), t -> new HashSet<>()).add(column);
            }
        }
    }

    /** The columns a SET list assigns, or null when a target is not understood (then the UPDATE is flagged). */
    private static Set<String> setTargets(String afterSet) {
        Set<String> columns = new HashSet<>();
        for (String assignment : StatementText.splitTopLevel(setList(afterSet), ',')) {
            if (assignment.startsWith("(")) {
                String body = StatementText.parenBody(assignment, 0);
                if (body == null) return null;
                columns.addAll(StatementText.columnList(body));
                continue;
            }
            Matcher target = SET_TARGET.matcher(assignment);
            if (!target.lookingAt()) return null;
            columns.add(StatementText.ident(target.group(1)));
        }
        return columns.isEmpty() ? null : columns;
    }

    /** The SET list alone: the text up to a FROM or RETURNING outside parentheses. */
    private static String setList(String afterSet) {
        int depth = 0;
        for (int i = 0; i < afterSet.length(); i++) {
            char c = afterSet.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && c == ' ' && (afterSet.startsWith(" FROM ", i) || afterSet.startsWith(" RETURNING ", i))) {
                return afterSet.substring(0, i);
            }
        }
        return afterSet;
    }
}
