package dev.pgpilot.core.lint;

import dev.pgpilot.core.sql.DoBlock;
import dev.pgpilot.core.sql.SqlScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the migrations so far have created, replayed from their text: tables (columns, RLS flag,
 * policies, indexes, foreign keys, primary key, updated_at trigger, comment), enums, functions
 * and views. Rules ask it "did this table exist before this file?" or "does it have RLS?", so the
 * linter needs no database. Best effort: statements it does not recognise leave it unchanged.
 */
public final class SchemaModel {
    public record Column(String name, String type, boolean notNull, boolean hasDefault) {}

    /** @param command ALL, SELECT, INSERT, UPDATE or DELETE; roles are lower-case, {@code public} when omitted */
    public record Policy(String name, String command, List<String> roles, boolean permissive, String using, String check) {}

    /**
     * @param definition what makes two indexes the same apart from their names: method, key columns
     *                   or expressions, and anything after them (INCLUDE, WHERE), in normalized text
     */
    public record Index(String name, List<String> columns, boolean unique, String definition) {
        /** The index a PRIMARY KEY or UNIQUE constraint creates. */
        static Index ofConstraint(List<String> columns) {
            return new Index(null, columns, true, "BTREE(" + String.join(",", columns) + ")");
        }
    }

    public record ForeignKey(List<String> columns, String refTable, boolean hasOnDelete) {}

    public static final class Table {
        public final String name;
        public final Map<String, Column> columns = new LinkedHashMap<>();
        public final List<Policy> policies = new ArrayList<>();
        public final List<Index> indexes = new ArrayList<>();
        public final List<ForeignKey> foreignKeys = new ArrayList<>();
        public boolean rls;
        public boolean primaryKey;
        public boolean updatedAtTrigger;
        public boolean comment;

        Table(String name) {
            this.name = name;
        }

        Table copy() {
            Table t = new Table(name);
            t.columns.putAll(columns);
            t.policies.addAll(policies);
            t.indexes.addAll(indexes);
            t.foreignKeys.addAll(foreignKeys);
            t.rls = rls;
            t.primaryKey = primaryKey;
            t.updatedAtTrigger = updatedAtTrigger;
            t.comment = comment;
            return t;
        }
    }

    private final Map<String, Table> tables = new HashMap<>();
    /** Tables this instance may change in place; others are shared with the model it was copied from. */
    private final Set<String> owned = new HashSet<>();
    private final Map<String, List<String>> enums = new HashMap<>();
    private final Set<String> functions = new HashSet<>();
    private final Set<String> views = new HashSet<>();
    private final Map<String, String> indexTable = new HashMap<>();
    /** Storage buckets made public, and the policies on storage.objects (a Supabase table the model has no Table for). */
    private final Set<String> publicBuckets = new HashSet<>();
    private final Map<String, Policy> objectPolicies = new LinkedHashMap<>();
    // Journal of the current file: what existed before it, for names the file changed. Lets one
    // model be replayed through a whole folder without a copy per file.
    private final Map<String, Boolean> tableExistedBefore = new HashMap<>();
    private final Map<String, String> indexTableBefore = new HashMap<>();

    /** Starts a new file: forget the previous file's journal. */
    public void beginFile() {
        tableExistedBefore.clear();
        indexTableBefore.clear();
    }

    /** Whether the table existed when {@link #beginFile()} was last called. */
    public boolean existedBeforeFile(String qualified) {
        Boolean b = tableExistedBefore.get(qualified);
        return b != null ? b : tables.containsKey(qualified);
    }

    /** The table an index belonged to when {@link #beginFile()} was last called. */
    public String tableOfIndexBeforeFile(String qualifiedIndex) {
        return indexTableBefore.containsKey(qualifiedIndex) ? indexTableBefore.get(qualifiedIndex) : indexTable.get(qualifiedIndex);
    }

    private void touchTable(String name) {
        tableExistedBefore.putIfAbsent(name, tables.containsKey(name));
    }

    private void touchIndex(String name) {
        if (!indexTableBefore.containsKey(name)) indexTableBefore.put(name, indexTable.get(name));
    }

    public static SchemaModel empty() {
        return new SchemaModel();
    }

    /** A model of everything the given SQL creates. */
    public static SchemaModel of(String sql) {
        SchemaModel m = new SchemaModel();
        m.applyScript(sql);
        return m;
    }

    public SchemaModel copy() {
        SchemaModel m = new SchemaModel();
        m.tables.putAll(tables); // copy-on-write: a table is copied when this model first changes it
        owned.clear();
        enums.forEach((k, v) -> m.enums.put(k, new ArrayList<>(v)));
        m.functions.addAll(functions);
        m.views.addAll(views);
        m.indexTable.putAll(indexTable);
        m.publicBuckets.addAll(publicBuckets);
        m.objectPolicies.putAll(objectPolicies);
        return m;
    }

    public Table table(String qualified) {
        return tables.get(qualified);
    }

    public boolean hasTable(String qualified) {
        return tables.containsKey(qualified);
    }

    public Map<String, Table> tables() {
        return tables;
    }

    public List<String> enumValues(String qualified) {
        return enums.get(qualified);
    }

    public boolean hasFunction(String qualified) {
        return functions.contains(qualified);
    }

    public boolean hasView(String qualified) {
        return views.contains(qualified);
    }

    /** Ids of the storage buckets an INSERT or UPDATE of storage.buckets made public. */
    public Set<String> publicBuckets() {
        return publicBuckets;
    }

    /** The policies on storage.objects, by name. */
    public Map<String, Policy> storageObjectPolicies() {
        return objectPolicies;
    }

    /** The table an index (by qualified index name) belongs to, or null. */
    public String tableOfIndex(String qualifiedIndex) {
        return indexTable.get(qualifiedIndex);
    }

    /** The table, copied first when it is still shared with the model this one was copied from. */
    private Table edit(String name) {
        Table t = tables.get(name);
        if (t != null && owned.add(name)) {
            t = t.copy();
            tables.put(name, t);
        }
        return t;
    }

    /** Replays one file's statements as a new file (the journal of "what existed before" starts over). */
    public void replayFile(java.util.List<Stmt> statements) {
        beginFile();
        for (Stmt s : statements) if (!s.inDoBlock()) apply(s.norm()); // the DO statement replays its body
    }

    public void applyScript(String sql) {
        for (var s : SqlScript.parse(sql).statements()) {
            apply(s.normalized());
        }
    }

    // ---- replay ------------------------------------------------------------------------------

    private static final String N = Sql.NAME;
    private static final Pattern CREATE_TABLE = Sql.p("^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + N + ")\\s*\\(");
    private static final Pattern ALTER_TABLE = Sql.p("^ALTER\\s+TABLE\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(" + N + ")\\s+(.*)$");
    private static final Pattern DROP_TABLE = Sql.p("^DROP\\s+TABLE\\s+(?:IF EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$");
    private static final Pattern CREATE_INDEX = Sql.p("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF NOT EXISTS\\s+)?(" + N + "\\s+)?ON\\s+(?:ONLY\\s+)?(" + N + ")(?:\\s+USING\\s+(\\w+))?\\s*\\(");
    private static final Pattern DROP_INDEX = Sql.p("^DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$");
    private static final Pattern CREATE_POLICY = Sql.p("^CREATE\\s+POLICY\\s+(" + Sql.IDENT + ")\\s+ON\\s+(" + N + ")(.*)$");
    private static final Pattern DROP_POLICY = Sql.p("^DROP\\s+POLICY\\s+(?:IF EXISTS\\s+)?(" + Sql.IDENT + ")\\s+ON\\s+(" + N + ")");
    private static final Pattern CREATE_ENUM = Sql.p("^CREATE\\s+TYPE\\s+(" + N + ")\\s+AS\\s+ENUM\\s*\\((.*)\\)");
    private static final Pattern ADD_VALUE = Sql.p("^ALTER\\s+TYPE\\s+(" + N + ")\\s+ADD\\s+VALUE\\s+(?:IF NOT EXISTS\\s+)?" + Sql.LITERAL);
    private static final Pattern CREATE_FUNCTION = Sql.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\s+(" + N + ")\\s*\\(");
    private static final Pattern CREATE_VIEW = Sql.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:TEMP|TEMPORARY|RECURSIVE)\\s+)?(?:MATERIALIZED\\s+)?VIEW\\s+(?:IF NOT EXISTS\\s+)?(" + N + ")");
    private static final Pattern CREATE_TRIGGER = Sql.p("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+" + Sql.IDENT + "\\s+(.*?)\\s+ON\\s+(" + N + ")\\s+(.*)$");
    private static final Pattern COMMENT_TABLE = Sql.p("^COMMENT\\s+ON\\s+TABLE\\s+(" + N + ")\\s+IS\\s+");

    private static final Set<String> TABLE_KINDS = Set.of("TABLE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED");
    private static final Set<String> FUNCTION_KINDS = Set.of("FUNCTION", "PROCEDURE", "OR");
    private static final Set<String> VIEW_KINDS = Set.of("VIEW", "OR", "TEMP", "TEMPORARY", "RECURSIVE", "MATERIALIZED");
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
    public void apply(String norm) {
        Matcher m;
        // The word after CREATE says which CREATE patterns can match: each regex runs only where it can.
        String kind = norm.startsWith("CREATE ") ? secondWord(norm) : "";
        if (TABLE_KINDS.contains(kind) && (m = CREATE_TABLE.matcher(norm)).lookingAt()) {
            createTable(Sql.qualified(m.group(1)), Sql.parenBody(norm, m.end() - 1), norm.contains(" IF NOT EXISTS "));
        } else if (norm.startsWith("ALTER TABLE") && (m = ALTER_TABLE.matcher(norm)).lookingAt()) {
            alterTable(Sql.qualified(m.group(1)), m.group(2));
        } else if (norm.startsWith("DROP TABLE") && (m = DROP_TABLE.matcher(norm)).lookingAt()) {
            for (String n : Sql.splitTopLevel(m.group(1), ',')) {
                String q = Sql.qualified(n);
                touchTable(q);
                tables.remove(q);
                retargetIndexes(q, null); // its indexes go with it
            }
        } else if ((kind.equals("INDEX") || kind.equals("UNIQUE")) && (m = CREATE_INDEX.matcher(norm)).lookingAt()) {
            String table = Sql.qualified(m.group(3));
            String name = m.group(2) == null ? null : Sql.ident(m.group(2).trim());
            String qualifiedIndex = name == null ? null : Sql.schemaOf(table) + "." + name;
            // IF NOT EXISTS on a name that exists creates nothing.
            if (qualifiedIndex != null && norm.contains(" IF NOT EXISTS ") && indexTable.containsKey(qualifiedIndex)) return;
            String body = Sql.parenBody(norm, m.end() - 1);
            List<String> cols = Sql.columnList(body);
            Table t = edit(table);
            if (t != null) {
                if (name != null) t.indexes.removeIf(i -> name.equals(i.name()));
                t.indexes.add(new Index(name, cols, m.group(1) != null, indexDefinition(m.group(4), body, norm, m.end() - 1)));
            }
            if (name != null) touchIndex(Sql.schemaOf(table) + "." + name);
            if (name != null) indexTable.put(Sql.schemaOf(table) + "." + name, table);
        } else if (norm.startsWith("DROP INDEX") && (m = DROP_INDEX.matcher(norm)).lookingAt()) {
            for (String n : Sql.splitTopLevel(m.group(1), ',')) {
                String q = Sql.qualified(n);
                touchIndex(q);
                String table = indexTable.remove(q);
                Table t = table == null ? null : edit(table);
                String bare = q.substring(q.indexOf('.') + 1);
                if (t != null) t.indexes.removeIf(i -> bare.equals(i.name()));
            }
        } else if (norm.startsWith("CREATE POLICY") && (m = CREATE_POLICY.matcher(norm)).lookingAt()) {
            if (Sql.qualified(m.group(2)).equals(StorageBuckets.OBJECTS)) {
                objectPolicies.put(Sql.ident(m.group(1)), parsePolicy(Sql.ident(m.group(1)), m.group(3)));
                return;
            }
            Table t = edit(Sql.qualified(m.group(2)));
            if (t != null) {
                Policy p = parsePolicy(Sql.ident(m.group(1)), m.group(3));
                t.policies.removeIf(x -> x.name().equals(p.name()));
                t.policies.add(p);
            }
        } else if (norm.startsWith("DROP POLICY") && (m = DROP_POLICY.matcher(norm)).lookingAt()) {
            if (Sql.qualified(m.group(2)).equals(StorageBuckets.OBJECTS)) objectPolicies.remove(Sql.ident(m.group(1)));
            Table t = edit(Sql.qualified(m.group(2)));
            String name = Sql.ident(m.group(1));
            if (t != null) t.policies.removeIf(x -> x.name().equals(name));
        } else if (norm.startsWith("CREATE TYPE") && (m = CREATE_ENUM.matcher(norm)).lookingAt()) {
            enums.put(Sql.qualified(m.group(1)), literals(m.group(2)));
        } else if (norm.startsWith("ALTER TYPE") && (m = ADD_VALUE.matcher(norm)).lookingAt()) {
            enums.computeIfAbsent(Sql.qualified(m.group(1)), k -> new ArrayList<>()).add(m.group(2).replace("''", "'"));
        } else if (FUNCTION_KINDS.contains(kind) && (m = CREATE_FUNCTION.matcher(norm)).lookingAt()) {
            functions.add(Sql.qualified(m.group(1)));
        } else if (VIEW_KINDS.contains(kind) && (m = CREATE_VIEW.matcher(norm)).lookingAt()) {
            views.add(Sql.qualified(m.group(1)));
        } else if (TRIGGER_KINDS.contains(kind) && (m = CREATE_TRIGGER.matcher(norm)).lookingAt()) {
            Table t = edit(Sql.qualified(m.group(2)));
            if (t != null && m.group(1).contains("UPDATE") && touchesUpdatedAt(m.group(3).toLowerCase(Locale.ROOT))) {
                t.updatedAtTrigger = true;
            }
        } else if (norm.startsWith("COMMENT ON TABLE") && (m = COMMENT_TABLE.matcher(norm)).lookingAt()) {
            Table t = edit(Sql.qualified(m.group(1)));
            if (t != null) t.comment = true;
        } else if (norm.startsWith("INSERT") || norm.startsWith("UPDATE")) {
            StorageBuckets.publicFlags(norm).forEach((bucket, isPublic) -> {
                if (isPublic) publicBuckets.add(bucket); else publicBuckets.remove(bucket);
            });
        } else if (norm.startsWith("DO ")) {
            // what the body creates, guarded or not ("unless it exists" leaves the same schema)
            for (DoBlock.Inner inner : DoBlock.statements(norm)) apply(SqlScript.normalize(inner.sql()));
        }
    }

    private static final Pattern PUNCTUATION_SPACE = Pattern.compile("\\s*([(),=<>])\\s*");
    private static final Pattern BARE_IDENT = Pattern.compile(Sql.IDENT);

    /** Method, key elements (plain columns folded like identifiers) and the rest of the statement. */
    private static String indexDefinition(String method, String body, String norm, int open) {
        if (body == null) return null;
        List<String> keys = new ArrayList<>();
        for (String e : Sql.splitTopLevel(body, ',')) {
            keys.add(BARE_IDENT.matcher(e).matches() ? Sql.ident(e) : PUNCTUATION_SPACE.matcher(e).replaceAll("$1"));
        }
        int close = Sql.matching(norm, open);
        String rest = close < 0 ? "" : PUNCTUATION_SPACE.matcher(norm.substring(close + 1).trim()).replaceAll("$1");
        return (method == null ? "BTREE" : method) + "(" + String.join(",", keys) + ")" + (rest.isEmpty() ? "" : " " + rest);
    }

    /** Points the indexes of a table at its new name, or forgets them (null) when the table is dropped. */
    private void retargetIndexes(String table, String renamed) {
        List<String> names = new ArrayList<>();
        indexTable.forEach((index, t) -> { if (t.equals(table)) names.add(index); });
        for (String index : names) {
            touchIndex(index);
            if (renamed == null) indexTable.remove(index); else indexTable.put(index, renamed);
        }
    }

    private static List<String> literals(String body) {
        return Sql.literals(body);
    }

    private static final Pattern UNIQUE_WORD = Sql.p("\\bUNIQUE\\b");
    private static final Pattern CONSTRAINT_PREFIX = Sql.p("^CONSTRAINT\\s+" + Sql.IDENT + "\\s+");
    private static final Pattern REFERENCES = Sql.p("REFERENCES\\s+(" + N + ")");
    private static final Pattern FK = Sql.p("^FOREIGN\\s+KEY\\s*\\(");
    private static final Pattern COLUMN_KEYWORD = Sql.p("\\s(?:NOT\\s+NULL|NULL|DEFAULT|PRIMARY|REFERENCES|UNIQUE|CHECK|CONSTRAINT|GENERATED|COLLATE)\\b.*$");

    private void createTable(String name, String body, boolean ifNotExists) {
        if (ifNotExists && tables.containsKey(name)) return;
        Table t = new Table(name);
        touchTable(name);
        tables.put(name, t);
        owned.add(name);
        if (body == null) return;
        for (String element : Sql.splitTopLevel(body, ',')) {
            addElement(t, element);
        }
    }

    /** One element of a CREATE TABLE or an ADD of ALTER TABLE: a column or a table constraint. */
    private void addElement(Table t, String element) {
        String e = element.trim();
        if (e.startsWith("CONSTRAINT")) e = CONSTRAINT_PREFIX.matcher(e).replaceFirst("");
        if (e.startsWith("PRIMARY KEY")) {
            t.primaryKey = true;
            t.indexes.add(Index.ofConstraint(Sql.columnList(Sql.parenBody(e, e.indexOf('(')))));
        } else if (e.startsWith("UNIQUE")) {
            t.indexes.add(Index.ofConstraint(Sql.columnList(Sql.parenBody(e, e.indexOf('(')))));
        } else if (e.startsWith("FOREIGN") && FK.matcher(e).lookingAt()) {
            List<String> cols = Sql.columnList(Sql.parenBody(e, e.indexOf('(')));
            Matcher r = REFERENCES.matcher(e);
            t.foreignKeys.add(new ForeignKey(cols, r.find() ? Sql.qualified(r.group(1)) : "?", e.contains("ON DELETE")));
        } else if (e.startsWith("CHECK") || e.startsWith("EXCLUDE") || e.startsWith("LIKE")) {
            // no column
        } else {
            String[] words = Sql.WS.split(e, 2);
            if (words.length == 0 || words[0].isEmpty()) return;
            String col = Sql.ident(words[0]);
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
            if (rest.contains("REFERENCES") && r.find()) t.foreignKeys.add(new ForeignKey(List.of(col), Sql.qualified(r.group(1)), rest.contains("ON DELETE")));
        }
    }

    private static final Pattern RENAME_TO = Sql.p("^RENAME\\s+TO\\s+(" + Sql.IDENT + ")");
    private static final Pattern RENAME_COLUMN = Sql.p("^RENAME\\s+(?:COLUMN\\s+)?(" + Sql.IDENT + ")\\s+TO\\s+(" + Sql.IDENT + ")");

    private void alterTable(String name, String actions) {
        Table t = edit(name);
        if (t == null) return;
        Matcher m;
        if ((m = RENAME_TO.matcher(actions)).lookingAt()) {
            touchTable(name);
            tables.remove(name);
            String renamed = Sql.schemaOf(name) + "." + Sql.ident(m.group(1));
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
            touchTable(renamed);
            tables.put(renamed, copy);
            retargetIndexes(name, renamed);
            owned.add(renamed);
            return;
        }
        if ((m = RENAME_COLUMN.matcher(actions)).lookingAt() && !actions.startsWith("RENAME CONSTRAINT")) {
            Column c = t.columns.remove(Sql.ident(m.group(1)));
            String to = Sql.ident(m.group(2));
            if (c != null) t.columns.put(to, new Column(to, c.type(), c.notNull(), c.hasDefault()));
            return;
        }
        for (String action : Sql.splitTopLevel(actions, ',')) {
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
                String c = Sql.ident(col);
                t.columns.remove(c);
                t.indexes.removeIf(i -> i.columns().contains(c));
                t.foreignKeys.removeIf(f -> f.columns().contains(c));
            } else if (a.startsWith("DROP CONSTRAINT") && a.contains("PKEY")) {
                t.primaryKey = false;
            }
        }
    }

    private static final Pattern POLICY_FOR = Sql.p("\\bFOR\\s+(ALL|SELECT|INSERT|UPDATE|DELETE)\\b");
    private static final Pattern POLICY_TO = Sql.p("\\bTO\\s+(.*?)(?=\\s+USING\\b|\\s+WITH\\s+CHECK\\b|$)");
    private static final Pattern POLICY_USING = Sql.p("\\bUSING\\s*\\(");
    private static final Pattern POLICY_CHECK = Sql.p("\\bWITH\\s+CHECK\\s*\\(");

    /** Parses the part of CREATE POLICY after {@code ON table}. */
    public static Policy parsePolicy(String name, String rest) {
        String head = rest;
        Matcher u = POLICY_USING.matcher(rest);
        Matcher c = POLICY_CHECK.matcher(rest);
        String using = null;
        String check = null;
        int headEnd = rest.length();
        if (u.find()) {
            using = Sql.parenBody(rest, u.end() - 1);
            headEnd = Math.min(headEnd, u.start());
        }
        if (c.find()) {
            check = Sql.parenBody(rest, c.end() - 1);
            headEnd = Math.min(headEnd, c.start());
        }
        head = rest.substring(0, headEnd);
        Matcher f = POLICY_FOR.matcher(head);
        String command = f.find() ? f.group(1) : "ALL";
        List<String> roles = new ArrayList<>();
        Matcher to = POLICY_TO.matcher(head);
        if (to.find()) {
            for (String r : Sql.splitTopLevel(to.group(1), ',')) roles.add(Sql.ident(r));
        }
        if (roles.isEmpty()) roles.add("public");
        return new Policy(name, command, List.copyOf(roles), !head.contains("AS RESTRICTIVE"), using, check);
    }
}
