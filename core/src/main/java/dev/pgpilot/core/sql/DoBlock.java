package dev.pgpilot.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The static DDL inside a {@code DO} block's PL/pgSQL body: the {@code ALTER}, {@code CREATE},
 * {@code DROP}, {@code COMMENT}, {@code GRANT}, {@code REVOKE} and {@code TRUNCATE} statements it runs
 * as written, each with its offset in the DO statement, so a linter can read them like top-level
 * statements (a policy or a foreign key created under {@code if not exists} is still a policy or a
 * foreign key). Control words in front of a statement ({@code BEGIN}, {@code IF ... THEN},
 * {@code ELSE}, {@code LOOP}, {@code EXCEPTION WHEN ... THEN}) are skipped. Dynamic SQL
 * ({@code EXECUTE '...'}) is not read: its text is built at run time.
 *
 * <p>One pass of the lexer over the body, so linear in its length.
 */
public final class DoBlock {
    private DoBlock() {}

    /**
     * @param sql     the statement from its first word to its end, as written
     * @param offset  char offset of its first word in the DO statement's text
     * @param guarded true when it runs only under a condition or with an exception handler around it
     *                (the usual "create unless it exists" idiom), so rerunning the block cannot fail on it
     */
    public record Inner(String sql, int offset, boolean guarded) {}

    private static final Set<String> DDL = Set.of("ALTER", "CREATE", "DROP", "COMMENT", "GRANT", "REVOKE", "TRUNCATE");
    /** Words that open a condition ending at THEN (or LOOP), after which a statement may start. */
    private static final Set<String> CONDITIONS = Set.of("IF", "ELSIF", "ELSEIF", "WHEN", "WHILE", "FOR", "FOREACH");
    /** Words that may stand right before a statement. */
    private static final Set<String> OPENERS = Set.of("BEGIN", "ELSE", "LOOP", "THEN", "EXCEPTION");

    /** The DDL statements of a DO statement's body; empty for any other statement or a body that is a plain literal. */
    public static List<Inner> statements(String doStatement) {
        Body body = body(doStatement);
        if (body == null) return List.of();
        List<SqlStatement> pieces = SqlScript.parse(body.text).statements();
        boolean handler = hasWord(body.text, "EXCEPTION");
        List<Inner> out = new ArrayList<>();
        int ifDepth = 0;
        for (SqlStatement piece : pieces) {
            Start start = start(piece.sql());
            if (start.endsIf) ifDepth = Math.max(0, ifDepth - 1);
            if (start.ddlAt >= 0) {
                String sql = piece.sql().substring(start.ddlAt);
                out.add(new Inner(sql, body.offset + piece.startOffset() + start.ddlAt, handler || ifDepth + start.opensIf > 0));
            }
            ifDepth += start.opensIf;
        }
        return out;
    }

    private record Body(String text, int offset) {}

    /** The dollar-quoted body after {@code DO [LANGUAGE name]}, or null. */
    private static Body body(String stmt) {
        SqlLexer lx = new SqlLexer(stmt);
        boolean sawDo = false;
        while (!lx.atEnd()) {
            int at = lx.pos;
            SqlLexer.Kind k = lx.next();
            if (k == SqlLexer.Kind.SPACE || k == SqlLexer.Kind.COMMENT) continue;
            String token = stmt.substring(at, lx.pos);
            if (!sawDo) {
                if (k != SqlLexer.Kind.WORD || !token.equalsIgnoreCase("DO")) return null;
                sawDo = true;
            } else if (k == SqlLexer.Kind.QUOTED) {
                if (!token.startsWith("$")) return null;
                int tagEnd = token.indexOf('$', 1) + 1;
                int close = token.length() - tagEnd;
                if (close < tagEnd || !token.endsWith(token.substring(0, tagEnd))) return null; // a body that never closes
                return new Body(token.substring(tagEnd, close), at + tagEnd);
            } else if (k != SqlLexer.Kind.WORD) {
                return null;
            }
        }
        return null;
    }

    /**
     * Where the DDL of one piece (the text up to a semicolon) starts after its control words, or -1;
     * and how the piece changes the IF nesting.
     */
    private record Start(int ddlAt, int opensIf, boolean endsIf) {}

    private static Start start(String piece) {
        SqlLexer lx = new SqlLexer(piece);
        int opensIf = 0;
        boolean inCondition = false;
        boolean inLabel = false;
        boolean afterEnd = false;
        int depth = 0;
        while (!lx.atEnd()) {
            int at = lx.pos;
            SqlLexer.Kind k = lx.next();
            if (k == SqlLexer.Kind.SPACE || k == SqlLexer.Kind.COMMENT) continue;
            String token = piece.substring(at, lx.pos);
            String word = k == SqlLexer.Kind.WORD ? token.toUpperCase(Locale.ROOT) : null;
            if (afterEnd) return new Start(-1, opensIf, "IF".equals(word));
            if (inCondition) {
                if (token.equals("(")) depth++;
                else if (token.equals(")")) depth--;
                else if (depth == 0 && ("THEN".equals(word) || "LOOP".equals(word))) inCondition = false;
                continue;
            }
            if (token.equals("<") || token.equals(">")) { // <<label>>
                inLabel = token.equals("<");
                continue;
            }
            if (word == null) return new Start(-1, opensIf, false);
            if (inLabel) continue;
            if (word.equals("END")) {
                afterEnd = true;
            } else if (DDL.contains(word)) {
                return new Start(at, opensIf, false);
            } else if (CONDITIONS.contains(word)) {
                if (word.equals("IF")) opensIf++;
                inCondition = true;
                depth = 0;
            } else if (!OPENERS.contains(word)) {
                return new Start(-1, opensIf, false);
            }
        }
        return new Start(-1, opensIf, false);
    }

    private static boolean hasWord(String text, String wanted) {
        SqlLexer lx = new SqlLexer(text);
        while (!lx.atEnd()) {
            int at = lx.pos;
            if (lx.next() == SqlLexer.Kind.WORD && text.substring(at, lx.pos).equalsIgnoreCase(wanted)) return true;
        }
        return false;
    }
}
