package dev.pgpilot.core.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements the way the server's own lexer sees it (see
 * {@link SqlLexer} for the token rules): semicolons inside literals, quoted identifiers, dollar
 * bodies and comments do not end a statement, nor do those inside the {@code BEGIN ATOMIC ... END}
 * body of a SQL-standard function or procedure. Empty statements ({@code ;;}) and comment-only text
 * produce no statement. Each statement keeps its offsets, line and column, and a server error
 * position maps back to a line and column, so failures can name file:line.
 *
 * <p>Splitting is a single pass over the text: linear in its length.
 */
public final class SqlScript {
    private final String text;
    private final List<SqlStatement> statements;
    private int[] lineStarts; // built on first lookup: only error reporting needs it

    private SqlScript(String text, List<SqlStatement> statements) {
        this.text = text;
        this.statements = statements;
    }

    public static SqlScript parse(String text) {
        return new SqlScript(text, new Splitter(text).split());
    }

    public String text() {
        return text;
    }

    /** A literal, quoted identifier, dollar quote or block comment that opens and never closes. */
    public record Unterminated(String what, LineColumn at) {}

    /**
     * The construct of {@code text} that never closes, if any: everything after its opening is inside
     * it, so the server would reject the file (or, worse, a later file's text would end it).
     */
    public static java.util.Optional<Unterminated> unterminated(String text) {
        SqlLexer lx = new SqlLexer(text);
        while (!lx.atEnd()) lx.next();
        if (lx.unterminatedAt < 0) return java.util.Optional.empty();
        SqlScript script = new SqlScript(text, List.of());
        return java.util.Optional.of(new Unterminated(lx.unterminatedKind, script.lineColumnOf(lx.unterminatedAt)));
    }

    public List<SqlStatement> statements() {
        return statements;
    }

    /** 1-based line of a char offset in the script (offsets past the end count as the last line). */
    public int lineOf(int offset) {
        return lineColumnOf(offset).line();
    }

    /** Line and column of a char (UTF-16) offset in the script, clamped to the script. */
    public LineColumn lineColumnOf(int offset) {
        int off = Math.max(0, Math.min(offset, text.length()));
        int[] starts = lineStarts();
        int idx = Arrays.binarySearch(starts, off);
        int line = idx >= 0 ? idx : -idx - 2;
        return new LineColumn(line + 1, text.codePointCount(starts[line], off) + 1);
    }

    /**
     * Char offset in {@link #text()} of a server error position: PostgreSQL reports a 1-based count of
     * characters (code points) into the query string it received, which is this script when the
     * script was sent as one simple-protocol query. Positions outside the script are clamped to it.
     */
    public int offsetOfServerPosition(int oneBasedCharPosition) {
        int wanted = Math.max(0, oneBasedCharPosition - 1);
        int total = text.codePointCount(0, text.length());
        return wanted >= total ? text.length() : text.offsetByCodePoints(0, wanted);
    }

    /** Line and column of a server error position (see {@link #offsetOfServerPosition}). */
    public LineColumn positionToLine(int oneBasedCharPosition) {
        return lineColumnOf(offsetOfServerPosition(oneBasedCharPosition));
    }

    /**
     * Statement a char offset belongs to: the first one ending after it (an offset in the comments
     * before a statement belongs to that statement), the last one for offsets past the end, null for
     * a script without statements.
     */
    public SqlStatement statementAt(int offset) {
        if (statements.isEmpty()) return null;
        int lo = 0;
        int hi = statements.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (statements.get(mid).endOffset() > offset) hi = mid;
            else lo = mid + 1;
        }
        return statements.get(lo);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') count++;
            int[] starts = new int[count];
            int k = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
            lineStarts = starts;
        }
        return lineStarts;
    }

    /**
     * Comments removed, runs of whitespace folded to one space, words outside quotes and dollar
     * bodies upper-cased. For pattern matching on statement shape, never for execution.
     */
    public static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        SqlLexer lx = new SqlLexer(sql);
        boolean pendingSpace = false;
        while (!lx.atEnd()) {
            int start = lx.pos;
            SqlLexer.Kind k = lx.next();
            if (k == SqlLexer.Kind.SPACE || k == SqlLexer.Kind.COMMENT) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            String tok = sql.substring(start, lx.pos);
            out.append(k == SqlLexer.Kind.WORD ? tok.toUpperCase(Locale.ROOT) : tok);
        }
        return out.toString();
    }

    /** One pass over the tokens, cutting at semicolons that are outside any routine body. */
    private static final class Splitter {
        private final String s;
        private final List<SqlStatement> out = new ArrayList<>();
        private final RoutineBody body = new RoutineBody();
        // Line/column of the last emitted statement, advanced forward only: linear in the text.
        private int cursor = 0;
        private int line = 1;
        private int column = 1;

        Splitter(String s) {
            this.s = s;
        }

        List<SqlStatement> split() {
            SqlLexer lx = new SqlLexer(s);
            int previousEnd = 0;
            int stmtStart = -1;
            int lastTokenEnd = -1;
            while (!lx.atEnd()) {
                int start = lx.pos;
                SqlLexer.Kind k = lx.next();
                if (k == SqlLexer.Kind.SPACE || k == SqlLexer.Kind.COMMENT) continue;
                if (k == SqlLexer.Kind.SEMICOLON && !body.open()) {
                    if (stmtStart >= 0) {
                        emit(previousEnd, stmtStart, lastTokenEnd, lx.pos);
                        previousEnd = lx.pos;
                    }
                    stmtStart = -1;
                    body.reset();
                    continue;
                }
                if (stmtStart < 0) stmtStart = start;
                lastTokenEnd = lx.pos;
                body.token(s, k == SqlLexer.Kind.WORD ? start : -1, lx.pos);
            }
            if (stmtStart >= 0) emit(previousEnd, stmtStart, lastTokenEnd, s.length());
            return List.copyOf(out);
        }

        private void emit(int leadingStart, int start, int end, int endOffset) {
            while (cursor < start) {
                char c = s.charAt(cursor);
                if (c == '\n') {
                    line++;
                    column = 1;
                } else if (!(Character.isLowSurrogate(c) && cursor > 0 && Character.isHighSurrogate(s.charAt(cursor - 1)))) {
                    column++; // a surrogate pair is one character, as the server counts it
                }
                cursor++;
            }
            out.add(new SqlStatement(s.substring(start, end), line, column, start, endOffset,
                    s.substring(leadingStart, start)));
        }
    }

    /**
     * Tracks {@code BEGIN ATOMIC ... END} bodies of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}:
     * inside one, semicolons separate the body's statements, not the script's. {@code CASE ... END}
     * nests inside a body, which is the only other construct ending with END in SQL (PL/pgSQL's
     * {@code END IF}/{@code END LOOP} live in dollar-quoted text the lexer already skips). A nested
     * {@code BEGIN ATOMIC} counts as a nested body. Known blind spot: a column named {@code begin}
     * given the bare alias {@code atomic} inside a body ({@code select begin atomic from t}) would
     * also count as one.
     */
    private static final class RoutineBody {
        private int tokenIndex;
        private boolean createRoutine;
        private boolean orReplace;
        private boolean previousWasBegin;
        private int depth;

        void reset() {
            tokenIndex = 0;
            createRoutine = false;
            orReplace = false;
            previousWasBegin = false;
            depth = 0;
        }

        boolean open() {
            return depth > 0;
        }

        /** A significant token; {@code wordStart} is -1 when it is not a bare word. */
        void token(String s, int wordStart, int end) {
            int i = tokenIndex++;
            boolean word = wordStart >= 0;
            if (i < 4) {
                // CREATE FUNCTION, CREATE PROCEDURE, CREATE OR REPLACE FUNCTION|PROCEDURE
                boolean routineWord = word && (is(s, wordStart, end, "FUNCTION") || is(s, wordStart, end, "PROCEDURE"));
                if (i == 0) {
                    createRoutine = word && is(s, wordStart, end, "CREATE");
                } else if (i == 1) {
                    orReplace = word && is(s, wordStart, end, "OR");
                    createRoutine &= routineWord || orReplace;
                } else if (i == 2 && orReplace) {
                    createRoutine &= word && is(s, wordStart, end, "REPLACE");
                } else if (i == 3 && orReplace) {
                    createRoutine &= routineWord;
                }
            }
            if (!createRoutine || i < 2 || (orReplace && i < 4)) {
                previousWasBegin = false;
                return;
            }
            if (word && is(s, wordStart, end, "ATOMIC") && previousWasBegin) {
                depth++;
            } else if (depth > 0 && word && is(s, wordStart, end, "CASE")) {
                depth++;
            } else if (depth > 0 && word && is(s, wordStart, end, "END")) {
                depth--;
            }
            previousWasBegin = word && is(s, wordStart, end, "BEGIN");
        }

        /** ASCII case-insensitive keyword match, as the server matches keywords. */
        private static boolean is(String s, int start, int end, String upperKeyword) {
            if (end - start != upperKeyword.length()) return false;
            for (int i = 0; i < upperKeyword.length(); i++) {
                char c = s.charAt(start + i);
                if (c >= 'a' && c <= 'z') c = (char) (c - 32);
                if (c != upperKeyword.charAt(i)) return false;
            }
            return true;
        }
    }
}
