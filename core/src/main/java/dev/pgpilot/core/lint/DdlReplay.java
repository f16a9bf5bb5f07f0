package dev.pgpilot.core.lint;

import dev.pgpilot.core.lint.SchemaModel.Column;
import dev.pgpilot.core.lint.SchemaModel.ForeignKey;
import dev.pgpilot.core.lint.SchemaModel.Index;
import dev.pgpilot.core.lint.SchemaModel.Policy;
import dev.pgpilot.core.lint.SchemaModel.Table;
import dev.pgpilot.core.sql.DoBlock;
import dev.pgpilot.core.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays DDL text into a {@link SchemaModel}: one normalized statement at a time, recognised by
 * pattern (CREATE/ALTER/DROP TABLE, indexes, policies, functions, triggers, comments, storage
 * buckets, DO bodies). Best effort: a statement it does not recognise leaves the model unchanged.
 * Lint runs without a database, so this reads text; the database replays are {@code catalog.MigrationReplay}.
 */
final class DdlReplay {
    private static final String N = StatementText.NAME;
    private final SchemaModel model;

    DdlReplay(SchemaModel model) {
        this.model = model;
    }

    private static final Pattern CREATE_TABLE = StatementText.p("^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + N + ")\\s*\\(");
    private static final Pattern ALTER_TABLE = StatementText.p("^ALTER\\s+TABLE\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(" + N + ")\\s+(.*)$");
    private static final Pattern DROP_TABLE = StatementText.p("^DROP\\s+TABLE\\s+(?:IF EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$");
    private static final Pattern CREATE_INDEX = StatementText.p("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF NOT EXISTS\\s+)?(" + N + "\\s+)?ON\\s+(?:ONLY\\s+)?(" + N + ")(?:\\s+USING\\s+(\\w+))?\\s*\\(");
    private static final Pattern DROP_INDEX = StatementText.p("^DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$");
    private static final Pattern CREATE_POLICY = StatementText.p("^CREATE\\s+POLICY\\s+(" + StatementText.IDENT + ")\\s+ON\\s+(" + N + ")(.*)$");
    private static final Pattern DROP_POLICY = StatementText.p("^DROP\\s+POLICY\\s+(?:IF EXISTS\\s+)?(" + StatementText.IDENT + ")\\s+ON\\s+(" + N + ")");
    private static final Pattern CREATE_FUNCTION = StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\s+(" + N + ")\\s*\\(");
    private static final Pattern CREATE_TRIGGER = StatementText.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+" + StatementText.IDENT + "\\s+(.*?)\\s+ON\\s+(" + N + ")\\s+(.*)$");
    private static final Pattern COMMENT_TABLE = StatementText.p("^COMMENT\\s+ON\\s+TABLE\\s+(" + N + ")\\s+IS\\s+");

    private static final Set<String> TABLE_KINDS = Set.of("TABLE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED");
    private static final Set<String> FUNCTION_KINDS = Set.of("FUNCTION", "PROCEDURE", "OR");
    private static final Set<String> TRIGGER_KINDS = Set.of("TRIGGER", "OR", "CONSTRAINT");

    private static String secondWord(String norm) {
        int start = norm.indexOf(' ') + 1;
        int end = start;
        while (end < norm.length() && Character.isLetter(norm.charAt(end))) end++;
        return norm.substring(start, end);
    }

    private static boolean touchesUpdatedAt(String triggerRest) {
        return triggerRest.contains("updated_at") || triggerRest.contains("moddatetime") || triggerRest.contains("modified");
    }

    /** Applies one normalized statement. */
    void apply(String norm) {
        Matcher m;
        // The word after CREATE says which CREATE patterns can match: each regex runs only where it can.
        String kind = norm.startsWith("CREATE ") ? secondWord(norm) : "";
        if (TABLE_KINDS.contains(kind) && (m = CREATE_TABLE.matcher(norm)).lookingAt()) {
            createTable(StatementText.qualified(m.group(1)), StatementText.parenBody(norm, m.end() - 1), norm.contains(" IF NOT EXISTS "));
        } else if (norm.startsWith("ALTER TABLE") && (m = ALTER_TABLE.matcher(norm)).lookingAt()) {
            alterTable(StatementText.qualified(m.group(1)), m.group(2));
        } else if (norm.startsWith("DROP TABLE") && (m = DROP_TABLE.matcher(norm)).lookingAt()) {
            for (String n : StatementText.splitTopLevel(m.group(1), ',')) {
                String q = StatementText.qualified(n);
                model.touchTable(q);
                model.tables.remove(q);
                retargetIndexes(q, null); // its indexes go with it
            }
        } else if ((kind.equals("INDEX") || kind.equals("UNIQUE")) && (m = CREATE_INDEX.matcher(norm)).lookingAt()) {
            String table = StatementText.qualified(m.group(3));
            String name = m.group(2) == null ? null : StatementText.ident(m.group(2).trim());
            String qualifiedIndex = name == null ? null : StatementText.schemaOf(table) + "." + name;
            // IF NOT EXISTS on a name that exists creates nothing.
            if (qualifiedIndex != null && norm.contains(" IF NOT EXISTS ") && model.indexTable.containsKey(qualifiedIndex)) return;
            String body = StatementText.parenBody(norm, m.end() - 1);
            List<String> cols = StatementText.columnList(body);
            Table t = model.edit(table);
            if (t != null) {
                if (name != null) t.indexes.removeIf(i -> name.equals(i.name()));
                t.indexes.add(new Index(name, cols, m.group(1) != null, indexDefinition(m.group(4), body, norm, m.end() - 1)));
            }
            if (name != null) model.touchIndex(StatementText.schemaOf(table) + "." + name);
            if (name != null) model.indexTable.put(StatementText.schemaOf(table) + "." + name, table);
        } else if (norm.startsWith("DROP INDEX") && (m = DROP_INDEX.matcher(norm)).lookingAt()) {
            for (String n : StatementText.splitTopLevel(m.group(1), ',')) {
                String q = StatementText.qualified(n);
                model.touchIndex(q);
                String table = model.indexTable.remove(q);
                Table t = table == null ? null : model.edit(table);
                String bare = q.substring(q.indexOf('.') + 1);
                if (t != null) t.indexes.removeIf(i -> bare.equals(i.name()));
            }
        } else if (norm.startsWith("CREATE POLICY") && (m = CREATE_POLICY.matcher(norm)).lookingAt()) {
            if (StatementText.qualified(m.group(2)).equals(StorageBuckets.OBJECTS)) {
                model.objectPolicies.put(StatementText.ident(m.group(1)), SchemaModel.parsePolicy(StatementText.ident(m.group(1)), m.group(3)));
                return;
            }
            Table t = model.edit(StatementText.qualified(m.group(2)));
            if (t != null) {
                Policy p = SchemaModel.parsePolicy(StatementText.ident(m.group(1)), m.group(3));
                t.policies.removeIf(x -> x.name().equals(p.name()));
                t.policies.add(p);
            }
        } else if (norm.startsWith("DROP POLICY") && (m = DROP_POLICY.matcher(norm)).lookingAt()) {
            if (StatementText.qualified(m.group(2)).equals(StorageBuckets.OBJECTS)) model.objectPolicies.remove(StatementText.ident(m.group(1)));
            Table t = model.edit(StatementText.qualified(m.group(2)));
            String name = StatementText.ident(m.group(1));
            if (t != null) t.policies.removeIf(x -> x.name().equals(name));
        } else if (FUNCTION_KINDS.contains(kind) && (m = CREATE_FUNCTION.matcher(norm)).lookingAt()) {
            model.functions.add(StatementText.qualified(m.group(1)));
        } else if (TRIGGER_KINDS.contains(kind) && (m = CREATE_TRIGGER.matcher(norm)).lookingAt()) {
            Table t = model.edit(StatementText.qualified(m.group(2)));
            if (t != null && m.group(1).contains("UPDATE") && touchesUpdatedAt(m.group(3).toLowerCase(Locale.ROOT))) {
                t.updatedAtTrigger = true;
            }
        } else if (norm.startsWith("COMMENT ON TABLE") && (m = COMMENT_TABLE.matcher(norm)).lookingAt()) {
            Table t = model.edit(StatementText.qualified(m.group(1)));
            if (t != null) t.comment = true;
        } else if (norm.startsWith("INSERT") || norm.startsWith("UPDATE")) {
            StorageBuckets.publicFlags(norm).forEach((bucket, isPublic) -> {
                if (isPublic) model.publicBuckets.add(bucket); else model.publicBuckets.remove(bucket);
            });
        } else if (norm.startsWith("DO ")) {
            // what the body creates, guarded or not ("unless it exists" leaves the same schema)
            for (DoBlock.Inner inner : DoBlock.statements(norm)) apply(SqlScript.normalize(inner.sql()));
        }
    }

    private static final Pattern PUNCTUATION_SPACE = Pattern.compile("\\s*([(),=<>])\\s*");
    private static final Pattern BARE_IDENT = Pattern.compile(StatementText.IDENT);

    /** Method, key elements (plain columns folded like identifiers) and the rest of the statement. */
    private static String indexDefinition(String method, String body, String norm, int open) {
        if (body == null) return null;
        List<String> keys = new ArrayList<>();
        for (String e : StatementText.splitTopLevel(body, ',')) {
            keys.add(BARE_IDENT.matcher(e).matches() ? StatementText.ident(e) : PUNCTUATION_SPACE.matcher(e).replaceAll("$1"));
        }
        int close = StatementText.matching(norm, open);
        String rest = close < 0 ? "" : PUNCTUATION_SPACE.matcher(norm.substring(close + 1).trim()).replaceAll("$1");
        return (method == null ? "BTREE" : method) + "(" + String.join(",", keys) + ")" + (rest.isEmpty() ? "" : " " + rest);
    }

    /** Points the indexes of a table at its new name, or forgets them (null) when the table is dropped. */
    private void retargetIndexes(String table, String renamed) {
        List<String> names = new ArrayList<>();
        model.indexTable.forEach((index, t) -> { if (t.equals(table)) names.add(index); });
        for (String index : names) {
            model.touchIndex(index);
            if (renamed == null) model.indexTable.remove(index); else model.indexTable.put(index, renamed);
        }
    }

    private static final Pattern UNIQUE_WORD = StatementText.p("\\bUNIQUE\\b");
    private static final Pattern CONSTRAINT_PREFIX = StatementText.p("^CONSTRAINT\\s+" + StatementText.IDENT + "\\s+");
    private static final Pattern REFERENCES = StatementText.p("REFERENCES\\s+(" + N + ")");
    private static final Pattern FK = StatementText.p("^FOREIGN\\s+KEY\\s*\\(");
    private static final Pattern COLUMN_KEYWORD = StatementText.p("\\s(?:NOT\\s+NULL|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT|GENERATED|COLLATE)\\b.*$");

    private void createTable(String name, String body, boolean ifNotExists) {
        if (ifNotExists && model.tables.containsKey(name)) return;
        Table t = new Table(name);
        model.touchTable(name);
        model.tables.put(name, t);
        model.owned.add(name);
        if (body == null) return;
        for (String element : StatementText.splitTopLevel(body, ',')) {
            addElement(t, element);
        }
    }

    /** One element of a CREATE TABLE or an ADD of ALTER TABLE: a column or a table constraint. */
    private void addElement(Table t, String element) {
        String e = element.trim();
        if (e.startsWith("CONSTRAINT")) e = CONSTRAINT_PREFIX.matcher(e).replaceFirst("");
        if (e.startsWith("PRIMARY KEY")) {
            t.primaryKey = true;
            t.indexes.add(Index.ofConstraint(StatementText.columnList(StatementText.parenBody(e, e.indexOf('(')))));
        } else if (e.startsWith("UNIQUE")) {
            t.indexes.add(Index.ofConstraint(StatementText.columnList(StatementText.parenBody(e, e.indexOf('(')))));
        } else if (e.startsWith("FOREIGN") && FK.matcher(e).lookingAt()) {
            List<String> cols = StatementText.columnList(StatementText.parenBody(e, e.indexOf('(')));
            Matcher r = REFERENCES.matcher(e);
            t.foreignKeys.add(new ForeignKey(cols, r.find() ? StatementText.qualified(r.group(1)) : "?", e.contains("ON DELETE")));
        } else if (e.startsWith("CHECK") || e.startsWith("EXCLUDE") || e.startsWith("LIKE")) {
            // no column
        } else {
            String[] words = StatementText.WS.split(e, 2);
            if (words.length == 0 || words[0].isEmpty()) return;
            String col = StatementText.ident(words[0]);
            String rest = words.length > 1 ? words[1] : "";
            String type = (rest.indexOf(' ') < 0 ? rest : COLUMN_KEYWORD.matcher(" " + rest).replaceFirst("").trim()).toLowerCase(Locale.ROOT);
            boolean pk = rest.contains("PRIMARY KEY");
            t.columns.put(col, new Column(col, type, rest.contains("NOT NULL") || pk, rest.contains("DEFAULT") || rest.contains("GENERATED")));
            if (pk) {
                t.primaryKey = true;
                t.indexes.add(Index.ofConstraint(List.of(col)));
            } else if (rest.contains("UNIQUE") && UNIQUE_WORD.matcher(rest).find()) {
                t.indexes.add(Index.ofConstraint(List.of(col)));
            }
            Matcher r = REFERENCES.matcher(rest);
            if (rest.contains("REFERENCES") && r.find()) t.foreignKeys.add(new ForeignKey(List.of(col), StatementText.qualified(r.group(1)), rest.contains("ON DELETE")));
        }
    }

    private static final Pattern RENAME_TO = StatementText.p("^RENAME\\s+TO\\s+(" + StatementText.IDENT + ")");
    private static final Pattern RENAME_COLUMN = StatementText.p("^RENAME\\s+(?:COLUMN\\s+)?(" + StatementText.IDENT + ")\\s+TO\\s+(" + StatementText.IDENT + ")");

    private void alterTable(String name, String actions) {
        Table t = model.edit(name);
        if (t == null) return;
        Matcher m;
        if ((m = RENAME_TO.matcher(actions)).lookingAt()) {
            model.touchTable(name);
            model.tables.remove(name);
            String renamed = StatementText.schemaOf(name) + "." + StatementText.ident(m.group(1));
            Table copy = new Table(renamed);
            Table old = t.copy();
            copy.columns.putAll(old.columns);
            copy.policies.addAll(old.policies);
            copy.indexes.addAll(old.indexes);
            copy.foreignKeys.addAll(old.foreignKeys);
            copy.rls = old.rls;
            copy.primaryKey = old.primaryKey;
            copy.updatedAtTrigger = old.updatedAtTrigger;
            copy.comment = old.comment;
            model.touchTable(renamed);
            model.tables.put(renamed, copy);
            retargetIndexes(name, renamed);
            model.owned.add(renamed);
            return;
        }
        if ((m = RENAME_COLUMN.matcher(actions)).lookingAt() && !actions.startsWith("RENAME CONSTRAINT")) {
            Column c = t.columns.remove(StatementText.ident(m.group(1)));
            String to = StatementText.ident(m.group(2));
            if (c != null) t.columns.put(to, new Column(to, c.type(), c.notNull(), c.hasDefault()));
            return;
        }
        for (String action : StatementText.splitTopLevel(actions, ',')) {
            String a = action.trim();
            if (a.startsWith("ENABLE ROW LEVEL SECURITY") || a.startsWith("FORCE ROW LEVEL SECURITY")) {
                t.rls = true;
            } else if (a.startsWith("DISABLE ROW LEVEL SECURITY")) {
                t.rls = false;
            } else if (a.startsWith("ADD COLUMN")) {
                addElement(t, a.replaceFirst("^ADD COLUMN\\s+(?:IF NOT EXISTS\\s+)?", ""));
            } else if (a.startsWith("ADD ")) {
                addElement(t, a.substring(4));
            } else if (a.startsWith("DROP COLUMN")) {
                String col = a.replaceFirst("^DROP COLUMN\\s+(?:IF EXISTS\\s+)?", "").split("\\s+")[0];
                String c = StatementText.ident(col);
                t.columns.remove(c);
                t.indexes.removeIf(i -> i.columns().contains(c));
                t.foreignKeys.removeIf(f -> f.columns().contains(c));
            } else if (a.startsWith("DROP CONSTRAINT") && a.contains("PKEY")) {
                t.primaryKey = false;
            }
        }
    }
}
