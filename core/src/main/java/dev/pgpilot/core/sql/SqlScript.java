package dev.pgpilot.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements the way the server's own lexer sees it: semicolons
 * inside {@code '...'} (doubled quotes), {@code E'...'} (backslash escapes), {@code "identifiers"},
 * {@code $$}/{@code $tag$} bodies, {@code --} and nested {@code /* *}{@code /} comments do not end a
 * statement, nor do those inside a {@code BEGIN ATOMIC ... END} function body. Each statement keeps
 * its line and column, so errors map back to the file.
 */
public final class SqlScript {
    private final String text;
    private final List<SqlStatement> statements;

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

    public List<SqlStatement> statements() {
        return statements;
    }

    /** 1-based line of a char offset in the script. */
    public int lineOf(int offset) {
        int line = 1; // not on a hot path: used once per reported error
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /** Statement containing a char offset (e.g. a server error position), or null. */
    public SqlStatement statementAt(int offset) {
        for (SqlStatement s : statements) {
            if (offset >= s.startOffset() && offset < s.endOffset()) return s;
        }
        return statements.isEmpty() ? null : statements.get(statements.size() - 1);
    }

    /**
     * Comments removed, runs of whitespace folded to one space, everything outside quotes and
     * dollar bodies upper-cased. For pattern matching on statement shape, never for execution.
     */
    public static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        Lexer lx = new Lexer(sql);
        boolean pendingSpace = false;
        while (lx.pos < sql.length()) {
            int start = lx.pos;
            Lexer.Kind k = lx.next();
            if (k == Lexer.Kind.SPACE || k == Lexer.Kind.COMMENT) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            String tok = sql.substring(start, lx.pos);
            out.append(k == Lexer.Kind.WORD ? tok.toUpperCase(Locale.ROOT) : tok);
        }
        return out.toString();
    }

    /** Token-level reader shared by the splitter and {@link #normalize}. */
    static final class Lexer {
        enum Kind { SPACE, COMMENT, WORD, QUOTED, SEMICOLON, OTHER }

        final String s;
        int pos;

        Lexer(String s) {
            this.s = s;
        }

        private char at(int i) {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        static boolean identStart(char c) {
            return Character.isLetter(c) || c == '_' || c >= 0x80;
        }

        static boolean identPart(char c) {
            return identStart(c) || Character.isDigit(c) || c == '$';
        }

        Kind next() {
            char c = at(pos);
            if (Character.isWhitespace(c)) {
                while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
                return Kind.SPACE;
            }
            if (c == '-' && at(pos + 1) == '-') {
                while (pos < s.length() && s.charAt(pos) != '\n') pos++;
                return Kind.COMMENT;
            }
            if (c == '/' && at(pos + 1) == '*') {
                int depth = 0;
                while (pos < s.length()) {
                    if (at(pos) == '/' && at(pos + 1) == '*') {
                        depth++;
                        pos += 2;
                    } else if (at(pos) == '*' && at(pos + 1) == '/') {
                        depth--;
                        pos += 2;
                        if (depth == 0) break;
                    } else {
                        pos++;
                    }
                }
                return Kind.COMMENT;
            }
            if (c == ';') {
                pos++;
                return Kind.SEMICOLON;
            }
            if (c == '\'') {
                quoted('\'', false);
                return Kind.QUOTED;
            }
            if (c == '"') {
                quoted('"', false);
                return Kind.QUOTED;
            }
            if (c == '$' && (pos == 0 || !identPart(at(pos - 1)))) {
                int end = dollarTagEnd(pos);
                if (end > 0) {
                    String tag = s.substring(pos, end);
                    int close = s.indexOf(tag, end);
                    pos = close < 0 ? s.length() : close + tag.length();
                    return Kind.QUOTED;
                }
            }
            if (identStart(c)) {
                // E'...' (and e'...') literals take backslash escapes; U&'...', B'...', X'...', N'...' do not.
                if ((c == 'E' || c == 'e') && at(pos + 1) == '\'') {
                    pos++;
                    quoted('\'', true);
                    return Kind.QUOTED;
                }
                while (pos < s.length() && identPart(s.charAt(pos))) pos++;
                return Kind.WORD;
            }
            if (Character.isDigit(c)) {
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == '_')) pos++;
                return Kind.OTHER;
            }
            pos++;
            return Kind.OTHER;
        }

        /** End offset of a {@code $tag$} opener starting at {@code p}, or -1 when it is not one. */
        private int dollarTagEnd(int p) {
            int i = p + 1;
            if (at(i) == '$') return i + 1;
            if (!identStart(at(i))) return -1;
            while (i < s.length() && (identStart(at(i)) || Character.isDigit(at(i)))) i++;
            return at(i) == '$' ? i + 1 : -1;
        }

        private void quoted(char q, boolean backslashEscapes) {
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (backslashEscapes && c == '\\') {
                    pos += 2;
                } else if (c == q) {
                    if (at(pos + 1) == q) {
                        pos += 2;
                    } else {
                        pos++;
                        return;
                    }
                } else {
                    pos++;
                }
            }
            pos = s.length();
        }
    }

    private static final class Splitter {
        private final String s;
        private final List<SqlStatement> out = new ArrayList<>();

        Splitter(String s) {
            this.s = s;
        }

        List<SqlStatement> split() {
            Lexer lx = new Lexer(s);
            int leadingStart = 0;
            int stmtStart = -1;
            int lastTokenEnd = -1;
            // BEGIN ATOMIC bodies: semicolons inside do not end the CREATE FUNCTION; CASE ... END nests.
            int atomicDepth = 0;
            String prevWord = "";
            boolean createRoutine = false;
            int wordIndex = 0;
            while (lx.pos < s.length()) {
                int start = lx.pos;
                Lexer.Kind k = lx.next();
                if (k == Lexer.Kind.SPACE || k == Lexer.Kind.COMMENT) {
                    continue;
                }
                if (k == Lexer.Kind.SEMICOLON && atomicDepth == 0) {
                    if (stmtStart >= 0) {
                        emit(leadingStart, stmtStart, lastTokenEnd, lx.pos);
                    }
                    leadingStart = lx.pos;
                    stmtStart = -1;
                    prevWord = "";
                    createRoutine = false;
                    wordIndex = 0;
                    continue;
                }
                if (stmtStart < 0) {
                    stmtStart = start;
                }
                lastTokenEnd = lx.pos;
                if (k == Lexer.Kind.WORD) {
                    String w = s.substring(start, lx.pos).toUpperCase(Locale.ROOT);
                    if (wordIndex < 6 && (w.equals("FUNCTION") || w.equals("PROCEDURE")) && s.substring(stmtStart, start).toUpperCase(Locale.ROOT).startsWith("CREATE")) {
                        createRoutine = true;
                    }
                    if (createRoutine) {
                        if (w.equals("ATOMIC") && prevWord.equals("BEGIN")) {
                            atomicDepth++;
                        } else if (atomicDepth > 0 && w.equals("CASE")) {
                            atomicDepth++;
                        } else if (atomicDepth > 0 && w.equals("END")) {
                            atomicDepth--;
                        }
                    }
                    prevWord = w;
                    wordIndex++;
                } else {
                    prevWord = "";
                }
            }
            if (stmtStart >= 0) {
                emit(leadingStart, stmtStart, lastTokenEnd, s.length());
            }
            return List.copyOf(out);
        }

        // Line counting resumes where the previous statement left off: linear in the script size.
        private int countedTo = 0;
        private int line = 1;
        private int lineStart = 0;

        private void emit(int leadingStart, int start, int end, int endWithSemicolon) {
            for (; countedTo < start; countedTo++) {
                if (s.charAt(countedTo) == '\n') {
                    line++;
                    lineStart = countedTo + 1;
                }
            }
            out.add(new SqlStatement(s.substring(start, end), line, start - lineStart + 1, start, endWithSemicolon,
                    s.substring(leadingStart, start)));
        }
    }
}
