package dev.pgpilot.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plain {@code BEGIN} / {@code COMMIT} statements of a file whose transaction control is only
 * those: the way many hand-written Supabase migrations are wrapped (the whole file, a block after an
 * {@code ALTER TYPE ... ADD VALUE}, or several blocks). The author meant "run this atomically";
 * pgpilot already runs each file in one transaction with its history rows, so the engine drops these
 * statements and the whole file becomes one all-or-nothing unit (the Supabase CLI would commit at
 * each COMMIT and could leave half a file applied and unrecorded). Any other transaction control
 * (ROLLBACK, SAVEPOINT, an isolation level on BEGIN, COMMIT AND CHAIN) changes what the file means and
 * is not absorbed: the engine refuses it.
 *
 * @param dropped the BEGIN and COMMIT statements, in file order
 */
public record PlainTransactionControl(List<SqlStatement> dropped) {

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
