package dev.pgpilot.core.lint;

import dev.pgpilot.core.sql.SqlScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the migrations so far have created, replayed from their text by {@link DdlReplay}: tables
 * (columns, RLS flag, policies, indexes, foreign keys, primary key, updated_at trigger, comment),
 * functions, public storage buckets and the policies on storage.objects. Rules ask it "did this
 * table exist before this file?" or "does it have RLS?", so the linter needs no database.
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

    final Map<String, Table> tables = new HashMap<>();
    /** Tables this instance may change in place; others are shared with the model it was copied from. */
    final Set<String> owned = new HashSet<>();
    final Set<String> functions = new HashSet<>();
    final Map<String, String> indexTable = new HashMap<>();
    /** Storage buckets made public, and the policies on storage.objects (a Supabase table the model has no Table for). */
    final Set<String> publicBuckets = new HashSet<>();
    final Map<String, Policy> objectPolicies = new LinkedHashMap<>();
    // Journal of the current file: what existed before it, for names the file changed. Lets one
    // model be replayed through a whole folder without a copy per file.
    private final Map<String, Boolean> tableExistedBefore = new HashMap<>();
    private final Map<String, String> indexTableBefore = new HashMap<>();
    private final DdlReplay replay = new DdlReplay(this);

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

    void touchTable(String name) {
        tableExistedBefore.putIfAbsent(name, tables.containsKey(name));
    }

    void touchIndex(String name) {
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
        m.functions.addAll(functions);
        m.indexTable.putAll(indexTable);
        m.publicBuckets.addAll(publicBuckets);
        m.objectPolicies.putAll(objectPolicies);
        return m;
    }

    public Table table(String qualified) {
        return tables.get(qualified);
    }

    public Map<String, Table> tables() {
        return tables;
    }

    public boolean hasFunction(String qualified) {
        return functions.contains(qualified);
    }

    /** Ids of the storage buckets an INSERT or UPDATE of storage.buckets made public. */
    public Set<String> publicBuckets() {
        return publicBuckets;
    }

    /** The policies on storage.objects, by name. */
    public Map<String, Policy> storageObjectPolicies() {
        return objectPolicies;
    }

    /** The table, copied first when it is still shared with the model this one was copied from. */
    Table edit(String name) {
        Table t = tables.get(name);
        if (t != null && owned.add(name)) {
            t = t.copy();
            tables.put(name, t);
        }
        return t;
    }

    /** Replays one file's statements as a new file (the journal of "what existed before" starts over). */
    public void replayFile(java.util.List<LintedStatement> statements) {
        beginFile();
        for (LintedStatement s : statements) if (!s.inDoBlock()) apply(s.norm()); // the DO statement replays its body
    }

    public void applyScript(String sql) {
        for (var s : SqlScript.parse(sql).statements()) {
            apply(s.normalized());
        }
    }

    /** Applies one normalized statement. */
    public void apply(String norm) {
        replay.apply(norm);
    }

    private static final Pattern POLICY_FOR = StatementText.p("\\bFOR\\s+(ALL|SELECT|INSERT|UPDATE|DELETE)\\b");
    private static final Pattern POLICY_TO = StatementText.p("\\bTO\\s+(.*?)(?=\\s+USING\\b|\\s+WITH\\s+CHECK\\b|$)");
    private static final Pattern POLICY_USING = StatementText.p("\\bUSING\\s*\\(");
    private static final Pattern POLICY_CHECK = StatementText.p("\\bWITH\\s+CHECK\\s*\\(");

    /** Parses the part of CREATE POLICY after {@code ON table}. */
    public static Policy parsePolicy(String name, String rest) {
        String head = rest;
        Matcher u = POLICY_USING.matcher(rest);
        Matcher c = POLICY_CHECK.matcher(rest);
        String using = null;
        String check = null;
        int headEnd = rest.length();
        if (u.find()) {
            using = StatementText.parenBody(rest, u.end() - 1);
            headEnd = Math.min(headEnd, u.start());
        }
        if (c.find()) {
            check = StatementText.parenBody(rest, c.end() - 1);
            headEnd = Math.min(headEnd, c.start());
        }
        head = rest.substring(0, headEnd);
        Matcher f = POLICY_FOR.matcher(head);
        String command = f.find() ? f.group(1) : "ALL";
        List<String> roles = new ArrayList<>();
        Matcher to = POLICY_TO.matcher(head);
        if (to.find()) {
            for (String r : StatementText.splitTopLevel(to.group(1), ',')) roles.add(StatementText.ident(r));
        }
        if (roles.isEmpty()) roles.add("public");
        return new Policy(name, command, List.copyOf(roles), !head.contains("AS RESTRICTIVE"), using, check);
    }
}
