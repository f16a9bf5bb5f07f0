package dev.pgpilot.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plain {@code BEGIN} / {@code COMMIT} statements of a file whose transaction control is only
 * those. {@link #wrapper} is the shape the engine absorbs: one plain BEGIN as the file's first
 * statement and one plain COMMIT as its last asks for exactly what pgpilot does anyway (the whole
 * file in one transaction), so the engine drops the two and runs the file with its history row,
 * all or nothing. Any other transaction control (a COMMIT mid-file, several blocks, ROLLBACK,
 * SAVEPOINT) means the file manages its own transactions: it runs as written, as the Supabase CLI
 * runs it ({@code engine.OutsideTransactionApply}).
 *
 * @param dropped the BEGIN and COMMIT statements, in file order
 */
public record PlainTransactionControl(List<SqlStatement> dropped) {

    private static final Pattern BEGIN = Pattern.compile("^(BEGIN(\\s+(WORK|TRANSACTION))?|START\\s+TRANSACTION)$");
    private static final Pattern OPENS = Pattern.compile("(BEGIN|START\\s+TRANSACTION)\\b");
    private static final Pattern CHAIN = Pattern.compile("\\bAND\\s+CHAIN\\b");
    private static final Pattern CLOSES = Pattern.compile(
            "((COMMIT|END|ROLLBACK|ABORT)\\b(?!\\s+PREPARED)(?!.*\\bAND\\s+CHAIN\\b)(?!\\s+(WORK\\s+|TRANSACTION\\s+)?TO\\b)|PREPARE\\s+TRANSACTION\\b)");
    private static final Pattern PLAIN = Pattern.compile(
            "^(BEGIN(\\s+(WORK|TRANSACTION))?|START\\s+TRANSACTION|(COMMIT|END)(\\s+(WORK|TRANSACTION))?)$");

    /** The statements to drop, when every transaction-control statement of the file is a plain BEGIN or COMMIT. */
    public static Optional<PlainTransactionControl> find(List<SqlStatement> statements) {
        List<SqlStatement> found = new ArrayList<>();
        for (SqlStatement s : statements) {
            if (!s.isTransactionControl()) continue;
            if (!PLAIN.matcher(s.normalized()).matches()) return Optional.empty();
            found.add(s);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new PlainTransactionControl(List.copyOf(found)));
    }

    /** The BEGIN/COMMIT pair when it wraps the whole file and the file has no other transaction control. */
    public static Optional<PlainTransactionControl> wrapper(List<SqlStatement> statements) {
        return find(statements).filter(p -> p.dropped().size() == 2 && statements.size() > 2
                && p.dropped().get(0) == statements.get(0) && p.dropped().get(1) == statements.get(statements.size() - 1)
                && BEGIN.matcher(statements.get(0).normalized()).matches());
    }

    /** True when some top-level statement controls the transaction and the engine does not absorb it ({@link #wrapper}). */
    public static boolean managesOwnTransactions(List<SqlStatement> statements) {
        return statements.stream().anyMatch(SqlStatement::isTransactionControl) && wrapper(statements).isEmpty();
    }

    /**
     * The statement that opens a transaction no later COMMIT, END, ROLLBACK or PREPARE TRANSACTION
     * closes: a file ending inside its own transaction. BEGIN and START TRANSACTION open one, so do
     * COMMIT/ROLLBACK AND CHAIN; ROLLBACK TO (a savepoint) does not close it.
     */
    public static Optional<SqlStatement> unclosedTransaction(List<SqlStatement> statements) {
        SqlStatement open = null;
        for (SqlStatement s : statements) {
            if (!s.isTransactionControl()) continue;
            String n = s.normalized();
            if (OPENS.matcher(n).lookingAt() || CHAIN.matcher(n).find()) open = s;
            else if (endsTransaction(n)) open = null;
        }
        return Optional.ofNullable(open);
    }

    /** How a message names a statement {@link #unclosedTransaction} returned: BEGIN, START, COMMIT AND CHAIN. */
    public static String opener(SqlStatement s) {
        return CHAIN.matcher(s.normalized()).find() ? s.firstWords(1) + " AND CHAIN" : s.firstWords(1);
    }

    /** True for a COMMIT, END, ROLLBACK or PREPARE TRANSACTION that ends the open transaction (text normalized). */
    public static boolean endsTransaction(String normalized) {
        return CLOSES.matcher(normalized).lookingAt();
    }

    public boolean drops(SqlStatement s) {
        return dropped.stream().anyMatch(d -> d == s);
    }

    /** The statements the engine runs. */
    public List<SqlStatement> remaining(List<SqlStatement> statements) {
        return statements.stream().filter(s -> !drops(s)).toList();
    }

    /** The script with the dropped statements blanked out (newlines kept, so lines and offsets do not move). */
    public String remainingText(String script) {
        char[] text = script.toCharArray();
        for (SqlStatement s : dropped) {
            for (int i = s.startOffset(); i < s.endOffset(); i++) {
                if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
            }
        }
        return new String(text);
    }
}
