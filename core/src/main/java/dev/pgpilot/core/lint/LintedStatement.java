package dev.pgpilot.core.lint;

import dev.pgpilot.core.sql.DoBlock;
import dev.pgpilot.core.sql.SqlStatement;
import java.util.function.Function;

/**
 * A statement under lint: its position in the file and its normalized text (comments dropped,
 * keywords and unquoted identifiers upper-cased), computed once because every rule matches on it.
 *
 * <p>A statement inside a DO block ({@link DoBlock}) is a statement of its own here, with the index of
 * its DO statement (so an ignore comment before the DO covers it) and its own line: rules read a
 * policy or a foreign key created under {@code if not exists} like a top-level one.
 *
 * @param inDoBlock true for a statement of a DO block's body: the schema replay reads it through its DO
 *                  statement, and it runs in the DO's transaction whatever it says
 * @param guarded   inside a DO block under a condition or an exception handler (rerunning cannot fail on it)
 * @param cache parsed views several rules share (see {@link #cached}); not part of the statement's meaning
 */
public record LintedStatement(int index, SqlStatement sql, String norm, boolean cannotRunInTransaction, boolean isTransactionControl,
                   boolean inDoBlock, boolean guarded, Object[] cache) {
    /** Slots of {@link #cached}: one per kind of parsed view. */
    public static final int ALTER_ACTIONS = 0, POLICY = 1, COLUMN_TYPES = 2;
    private static final Object NONE = new Object();

    public static LintedStatement of(int index, SqlStatement s) {
        String norm = s.normalized();
        return new LintedStatement(index, s, norm, SqlStatement.cannotRunInTransaction(norm), SqlStatement.isTransactionControl(norm), false, false, new Object[3]);
    }

    /** A statement of the body of the DO statement at {@code index}. */
    public static LintedStatement inDoBlock(int index, SqlStatement s, boolean guarded) {
        String norm = s.normalized();
        return new LintedStatement(index, s, norm, SqlStatement.cannotRunInTransaction(norm), false, true, guarded, new Object[3]);
    }

    public int line() {
        return sql.line();
    }

    public boolean startsWith(String prefix) {
        return norm.startsWith(prefix);
    }

    /**
     * A parsed view of this statement, computed on first use: a dozen rules ask for the actions of
     * an ALTER TABLE or the parts of a CREATE POLICY. A file's statements are used by one thread.
     */
    @SuppressWarnings("unchecked")
    public <T> T cached(int slot, Function<LintedStatement, T> parse) {
        Object v = cache[slot];
        if (v == null) {
            T parsed = parse.apply(this);
            cache[slot] = parsed == null ? NONE : parsed;
            return parsed;
        }
        return v == NONE ? null : (T) v;
    }
}
