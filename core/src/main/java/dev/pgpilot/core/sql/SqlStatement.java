package dev.pgpilot.core.sql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One statement of a script, as written.
 *
 * @param sql         the statement text from its first token to its last token: comments inside it
 *                    are kept, the terminating semicolon and comments after the last token are not
 * @param line        1-based line of its first token in the script
 * @param column      1-based column of its first token, in characters (code points)
 * @param startOffset char offset of its first token in the script
 * @param endOffset   char offset just past the terminating semicolon (or the end of the script)
 * @param leading     the text between the previous statement's endOffset and this statement's first
 *                    token: blank lines, comments (where inline lint suppressions live) and the
 *                    semicolons of empty statements
 */
public record SqlStatement(String sql, int line, int column, int startOffset, int endOffset, String leading) {

    // Every statement the server runs through PreventInTransactionBlock (checked one by one against
    // the real server in SqlStatementAgainstPostgresTest).
    private static final Pattern NO_TRANSACTION = Pattern.compile(
            "^(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY"
                    + "|REINDEX\\s+(\\(.*?\\)\\s*)?(DATABASE|SYSTEM)\\b|VACUUM\\b|CLUSTER\\s*(\\(.*\\))?$"
                    + "|CREATE\\s+DATABASE\\b|DROP\\s+DATABASE\\b|ALTER\\s+DATABASE\\b.*\\bSET\\s+TABLESPACE\\b"
                    + "|ALTER\\s+SYSTEM\\b|CREATE\\s+TABLESPACE\\b|DROP\\s+TABLESPACE\\b|DISCARD\\s+ALL\\b"
                    + "|(COMMIT|ROLLBACK)\\s+PREPARED\\b|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY)",
            Pattern.DOTALL);
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "^(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|PREPARE\\s+TRANSACTION|COMMIT\\s+PREPARED)\\b(?!\\s+ATOMIC)",
            Pattern.DOTALL);

    /** The statement with comments removed, whitespace folded and keywords upper-cased outside literals. */
    public String normalized() {
        return SqlScript.normalize(sql);
    }

    /** True for statements PostgreSQL refuses to run inside a transaction block. */
    public boolean cannotRunInTransaction() {
        return NO_TRANSACTION.matcher(normalized()).find();
    }

    /** {@link #cannotRunInTransaction()} for text already normalized (saves a second pass). */
    public static boolean cannotRunInTransaction(String normalized) {
        return NO_TRANSACTION.matcher(normalized).find();
    }

    /** {@link #isTransactionControl()} for text already normalized. */
    public static boolean isTransactionControl(String normalized) {
        return TRANSACTION_CONTROL.matcher(normalized).find();
    }

    /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT and friends. */
    public boolean isTransactionControl() {
        return TRANSACTION_CONTROL.matcher(normalized()).find();
    }

    /** The leading keywords, e.g. {@code "CREATE TABLE"}, upper-case. */
    public String firstWords(int n) {
        String[] words = normalized().split("\\s+", n + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, words.length); i++) {
            if (i > 0) b.append(' ');
            b.append(words[i].toUpperCase(Locale.ROOT));
        }
        return b.toString();
    }
}
