package dev.pgpilot.core.sql;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file whose last statement is {@code COMMIT} and whose only other transaction control is one
 * plain {@code BEGIN} before it: the way many hand-written Supabase migrations are wrapped (often the
 * whole file, sometimes after an {@code ALTER TYPE ... ADD VALUE} at the top). The Supabase CLI sends
 * a file as one implicit transaction, so such a file runs as one unit there; pgpilot already runs
 * each file in its own transaction with its history rows, so the pair is redundant and the engine
 * drops it, which keeps that meaning. Any other transaction control (a COMMIT in the middle,
 * ROLLBACK, SAVEPOINT, an isolation level on the BEGIN) changes what the file means and is not
 * absorbed.
 *
 * @param begin  the opening statement
 * @param commit the closing statement
 */
public record TransactionWrapper(SqlStatement begin, SqlStatement commit) {

    private static final Pattern PLAIN_BEGIN = Pattern.compile("^(BEGIN(\\s+(WORK|TRANSACTION))?|START\\s+TRANSACTION)$");
    private static final Pattern PLAIN_COMMIT = Pattern.compile("^(COMMIT|END)(\\s+(WORK|TRANSACTION))?$");

    public static Optional<TransactionWrapper> find(List<SqlStatement> statements) {
        if (statements.size() < 2) return Optional.empty();
        SqlStatement last = statements.get(statements.size() - 1);
        if (!PLAIN_COMMIT.matcher(last.normalized()).matches()) return Optional.empty();
        SqlStatement begin = null;
        for (SqlStatement s : statements.subList(0, statements.size() - 1)) {
            if (!s.isTransactionControl()) continue;
            if (begin != null || !PLAIN_BEGIN.matcher(s.normalized()).matches()) return Optional.empty();
            begin = s;
        }
        return begin == null ? Optional.empty() : Optional.of(new TransactionWrapper(begin, last));
    }

    /** The statements without the BEGIN and the COMMIT. */
    public List<SqlStatement> inner(List<SqlStatement> statements) {
        return statements.stream().filter(s -> s != begin && s != commit).toList();
    }

    /** The script text without the BEGIN and the final COMMIT (line numbers of the rest unchanged). */
    public String innerText(String script) {
        return script.substring(0, begin.startOffset()) + " ".repeat(begin.endOffset() - begin.startOffset())
                + script.substring(begin.endOffset(), commit.startOffset());
    }
}
