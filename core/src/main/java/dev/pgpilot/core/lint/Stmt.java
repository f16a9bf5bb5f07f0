package dev.pgpilot.core.lint;

import dev.pgpilot.core.sql.SqlStatement;

/**
 * A statement under lint: its position in the file and its normalized text (comments dropped,
 * keywords and unquoted identifiers upper-cased), computed once because every rule matches on it.
 */
public record Stmt(int index, SqlStatement sql, String norm, boolean cannotRunInTransaction, boolean isTransactionControl) {
    public static Stmt of(int index, SqlStatement s) {
        String norm = s.normalized();
        return new Stmt(index, s, norm, SqlStatement.cannotRunInTransaction(norm), SqlStatement.isTransactionControl(norm));
    }

    public int line() {
        return sql.line();
    }

    public boolean startsWith(String prefix) {
        return norm.startsWith(prefix);
    }
}
