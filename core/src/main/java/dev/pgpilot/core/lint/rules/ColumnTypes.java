package dev.pgpilot.core.lint.rules;

import dev.pgpilot.core.lint.StatementText;
import dev.pgpilot.core.lint.LintedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns a statement declares a type for: CREATE TABLE columns, ALTER TABLE ... ADD COLUMN and
 * ALTER COLUMN ... TYPE. Types are normalized text (upper case), e.g. {@code VARCHAR(20)}.
 */
record ColumnTypes(String table, String column, String type) {
    private static final Pattern CREATE = StatementText.p("^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")\\s*\\(");
    private static final Pattern TABLE_CONSTRAINT = StatementText.p("^(?:CONSTRAINT|PRIMARY\\s+KEY|UNIQUE|FOREIGN\\s+KEY|CHECK|EXCLUDE|LIKE)\\b");
    private static final Pattern ADD_COLUMN = StatementText.p("^ADD\\s+(?:COLUMN\\s+)?(?:IF NOT EXISTS\\s+)?(.*)$");
    private static final Pattern RETYPE = StatementText.p("^ALTER\\s+(?:COLUMN\\s+)?(" + StatementText.IDENT + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.*?)(?:\\s+(?:USING|COLLATE)\\b.*)?$");
    /** Where a column's type ends: the first constraint or option keyword. */
    private static final Pattern TYPE_END = StatementText.p("\\s(?:NOT\\s+NULL|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT|GENERATED|COLLATE|STORAGE|COMPRESSION)\\b.*$");

    static List<ColumnTypes> of(LintedStatement s) {
        return s.cached(LintedStatement.COLUMN_TYPES, ColumnTypes::parse);
    }

    private static List<ColumnTypes> parse(LintedStatement s) {
        List<ColumnTypes> out = new ArrayList<>();
        String n = s.norm();
        if (n.startsWith("CREATE")) {
            Matcher m = CREATE.matcher(n);
            if (!m.lookingAt() || n.contains(" PARTITION OF ")) return out;
            String table = StatementText.qualified(m.group(1));
            String body = StatementText.parenBody(n, m.end() - 1);
            if (body == null) return out;
            for (String element : StatementText.splitTopLevel(body, ',')) column(table, element, out);
        } else {
            AlterActions a = AlterActions.of(s);
            if (a == null) return out;
            for (String action : a.actions()) {
                Matcher r = RETYPE.matcher(action);
                if (r.lookingAt()) {
                    out.add(new ColumnTypes(a.table(), StatementText.ident(r.group(1)), r.group(2).trim()));
                    continue;
                }
                Matcher add = ADD_COLUMN.matcher(action);
                if (add.lookingAt() && !TABLE_CONSTRAINT.matcher(add.group(1)).lookingAt()) column(a.table(), add.group(1), out);
            }
        }
        return out;
    }

    private static void column(String table, String element, List<ColumnTypes> out) {
        String e = element.trim();
        if (e.isEmpty() || TABLE_CONSTRAINT.matcher(e).lookingAt()) return;
        String[] words = StatementText.WS.split(e, 2);
        if (words.length < 2) return;
        String type = TYPE_END.matcher(" " + words[1]).replaceFirst("").trim();
        out.add(new ColumnTypes(table, StatementText.ident(words[0]), type));
    }
}
