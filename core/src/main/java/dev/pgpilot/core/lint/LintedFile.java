package dev.pgpilot.core.lint;

import dev.pgpilot.core.sql.DoBlock;
import dev.pgpilot.core.sql.PlainTransactionControl;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration as rules see it: its name, text, statements, the schema before it and the schema
 * after it (the before-model with this file replayed).
 */
public final class LintedFile {
    /** Schemas PostgREST exposes on Supabase by default (mirrors {@code pgrst.db_schemas}). */
    public static final Set<String> EXPOSED_SCHEMAS = Set.of("public");

    private static final Pattern CREATE_TABLE = StatementText.p("^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF NOT EXISTS\\s+)?(" + StatementText.NAME + ")");

    private final String fileName;
    private final String text;
    private final List<LintedStatement> statements;
    private final SchemaModel after;
    private SchemaManifest manifest;
    private final Map<String, Integer> createdAt = new HashMap<>();
    private final int[] lineStarts;

    /**
     * @param model the schema before this file; it is advanced through the file in place (pass a
     *              copy to keep the original), so a folder is replayed without a copy per file
     */
    public LintedFile(String fileName, String text, SchemaModel model) {
        this(fileName, text, parse(text), model);
    }

    /** @param statements {@link #parse(String)} of {@code text}, done ahead (in parallel, for a folder) */
    public LintedFile(String fileName, String text, List<LintedStatement> statements, SchemaModel model) {
        this.fileName = fileName;
        this.text = text;
        this.statements = statements;
        this.after = model;
        model.beginFile();
        for (LintedStatement s : statements) {
            if (s.startsWith("CREATE")) {
                Matcher m = CREATE_TABLE.matcher(s.norm());
                if (m.lookingAt()) createdAt.putIfAbsent(StatementText.qualified(m.group(1)), s.index());
            }
            if (!s.inDoBlock()) after.apply(s.norm()); // the DO statement replays its body
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') starts.add(i + 1);
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The statements of a script, each normalized once: the costly part of linting, and independent of the schema. */
    public static List<LintedStatement> parse(String text) {
        SqlScript script = SqlScript.parse(text);
        List<SqlStatement> raw = script.statements();
        List<LintedStatement> list = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            LintedStatement s = LintedStatement.of(i, raw.get(i));
            list.add(s);
            if (s.startsWith("DO ")) {
                for (DoBlock.Inner inner : DoBlock.statements(s.sql().sql())) list.add(LintedStatement.inDoBlock(i, at(script, s.sql(), inner), inner.guarded()));
            }
        }
        return List.copyOf(list);
    }

    /** A DO block's inner statement placed in the file: its own line and column, no leading comments of its own. */
    private static SqlStatement at(SqlScript script, SqlStatement block, DoBlock.Inner inner) {
        int start = block.startOffset() + inner.offset();
        var lc = script.lineColumnOf(start);
        return new SqlStatement(inner.sql(), lc.line(), lc.column(), start, start + inner.sql().length(), "");
    }

    /** The project's schema manifest, or null (the manifest rules are opt-in). */
    public SchemaManifest manifest() {
        return manifest;
    }

    public LintedFile withManifest(SchemaManifest m) {
        this.manifest = m;
        return this;
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    public List<LintedStatement> statements() {
        return statements;
    }

    /** The table an index belonged to before this file, or null. */
    public String tableOfIndexBefore(String qualifiedIndex) {
        return after.tableOfIndexBeforeFile(qualifiedIndex);
    }

    public SchemaModel after() {
        return after;
    }

    /**
     * True when the table existed before this file and was not (re)created earlier in it: only
     * then can a lock on it hurt running traffic. Unknown tables are not locking risks.
     */
    public boolean isExistingTable(String qualified, LintedStatement at) {
        if (!after.existedBeforeFile(qualified)) return false;
        Integer created = createdAt.get(qualified);
        return created == null || created >= at.index();
    }

    /** True when this file creates the table. */
    public boolean createsTable(String qualified) {
        return createdAt.containsKey(qualified);
    }

    /** True when this file runs in one transaction (no statement that PostgreSQL refuses inside one). */
    public boolean isTransactional() {
        return statements.stream().noneMatch(s -> s.cannotRunInTransaction() && !s.inDoBlock());
    }

    /** The file's own statements, not those read from inside its DO blocks. */
    public List<LintedStatement> topLevel() {
        return statements.stream().filter(s -> !s.inDoBlock()).toList();
    }

    /**
     * True when the file's top-level BEGIN/COMMIT/ROLLBACK decide its transactions (anything but one
     * BEGIN/COMMIT pair around the whole file): {@code up} then runs it as written, as the Supabase CLI does.
     */
    public boolean managesOwnTransactions() {
        if (statements.stream().noneMatch(LintedStatement::isTransactionControl)) return false;
        return PlainTransactionControl.managesOwnTransactions(topLevel().stream().map(LintedStatement::sql).toList());
    }

    /** 1-based line containing a char offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo + 1;
    }

    /** Text of a 1-based line, without its newline. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(start, Math.max(start, end));
    }
}
