package dev.pgpilot.core.sql;

/**
 * Reads a script token by token with the rules of PostgreSQL's own lexer (scan.l) that decide where
 * a token ends, which is all a splitter needs: it never has to know what a token means, only whether
 * a semicolon is inside something. Rules mirrored here, with the reason each one matters:
 * <ul>
 *   <li>identifiers may contain {@code $} and digits, so {@code a$b$} is one word, never a dollar quote;
 *   <li>{@code $1} is a parameter, and a number or parameter directly followed by letters is one
 *       ("junk") token that also swallows {@code $}, so {@code $1$a$} is a parameter then a quote;
 *   <li>{@code $tag$} tags start with a letter or underscore ({@code $1$} is no tag);
 *   <li>{@code '...'} doubles quotes and has no backslash escapes (standard_conforming_strings=on);
 *       {@code E'...'} / {@code e'...'} take backslash escapes; {@code U&'...'}, {@code B'...'},
 *       {@code X'...'}, {@code N'...'} are a word followed by a plain literal;
 *   <li>a literal followed by whitespace containing a newline and another quote continues in the same
 *       mode, so {@code E'a'\n'\''} is one escaped literal;
 *   <li>{@code --} comments end at a line break; {@code /* *}{@code /} comments nest;
 *   <li>whitespace is only space, tab, CR, LF, FF and VT: any other character at or above U+0080 is
 *       an identifier character, as in the server.
 * </ul>
 * Unterminated literals and comments run to the end of the text instead of failing (a splitter must
 * never throw); {@link #unterminatedAt} remembers where the last one opened, for the linter to report.
 */
final class SqlLexer {
    enum Kind { SPACE, COMMENT, WORD, QUOTED, SEMICOLON, OTHER }

    private final String s;
    private final int n;
    int pos;
    /** Offset where a literal, quoted identifier, dollar quote or block comment that never closes opens; -1 when none. */
    int unterminatedAt = -1;
    /** What opens at {@link #unterminatedAt}, e.g. "string literal". */
    String unterminatedKind;

    private void runsToEnd(int open, String kind) {
        pos = n;
        unterminatedAt = open;
        unterminatedKind = kind;
    }

    SqlLexer(String s) {
        this.s = s;
        this.n = s.length();
    }

    boolean atEnd() {
        return pos >= n;
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean horizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }

    private static boolean newline(char c) {
        return c == '\n' || c == '\r';
    }

    static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean identPart(char c) {
        return identStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Reads one token starting at {@link #pos} and leaves {@link #pos} just after it. */
    Kind next() {
        char c = s.charAt(pos);
        if (space(c)) {
            do pos++; while (pos < n && space(s.charAt(pos)));
            return Kind.SPACE;
        }
        if (c == '-' && at(pos + 1) == '-') {
            pos = lineCommentEnd(pos);
            return Kind.COMMENT;
        }
        if (c == '/' && at(pos + 1) == '*') {
            blockComment();
            return Kind.COMMENT;
        }
        if (c == ';') {
            pos++;
            return Kind.SEMICOLON;
        }
        if (c == '\'') {
            literal(false);
            return Kind.QUOTED;
        }
        if (c == '"') {
            quotedIdentifier();
            return Kind.QUOTED;
        }
        if ((c == 'E' || c == 'e') && at(pos + 1) == '\'') {
            pos++;
            literal(true);
            return Kind.QUOTED;
        }
        if (identStart(c)) {
            skipIdentifierRest(pos + 1);
            return Kind.WORD;
        }
        if (c == '$') {
            int tagEnd = dollarTagEnd(pos);
            if (tagEnd > 0) {
                String tag = s.substring(pos, tagEnd);
                int close = s.indexOf(tag, tagEnd);
                if (close < 0) runsToEnd(pos, "dollar quote " + tag); else pos = close + (tagEnd - pos);
                return Kind.QUOTED;
            }
            if (digit(at(pos + 1))) {
                numberRest(pos + 1, false); // $1 parameter (with its junk suffix, as the server reads it)
                return Kind.OTHER;
            }
            pos++;
            return Kind.OTHER;
        }
        if (digit(c) || (c == '.' && digit(at(pos + 1)))) {
            numberRest(pos, true);
            return Kind.OTHER;
        }
        pos++;
        return Kind.OTHER;
    }

    private void skipIdentifierRest(int i) {
        while (i < n && identPart(s.charAt(i))) i++;
        pos = i;
    }

    /**
     * Digits (with '_' separators, and '.' for numerics); letters right after them make one junk
     * token with an identifier tail, which may contain '$'. Exact number syntax does not matter for
     * splitting, only that such a '$' is never taken as the start of a dollar quote.
     */
    private void numberRest(int i, boolean allowDot) {
        while (i < n && (digit(s.charAt(i)) || s.charAt(i) == '_' || (allowDot && s.charAt(i) == '.'))) i++;
        if (i < n && identStart(s.charAt(i))) {
            skipIdentifierRest(i);
        } else {
            pos = i;
        }
    }

    private int lineCommentEnd(int i) {
        while (i < n && !newline(s.charAt(i))) i++;
        return i;
    }

    private void blockComment() {
        int depth = 1;
        int i = pos + 2;
        while (i < n && depth > 0) {
            char c = s.charAt(i);
            if (c == '/' && at(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && at(i + 1) == '/') {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        if (depth > 0) runsToEnd(pos, "block comment /*"); else pos = Math.min(i, n);
    }

    /** End offset of a {@code $tag$} opener at {@code p}, or -1 when the '$' opens none. */
    private int dollarTagEnd(int p) {
        int i = p + 1;
        if (at(i) == '$') return i + 1;
        if (!identStart(at(i))) return -1;
        i++;
        while (i < n && (identStart(s.charAt(i)) || digit(s.charAt(i)))) i++;
        return at(i) == '$' ? i + 1 : -1;
    }

    private void quotedIdentifier() {
        int i = pos + 1;
        while (i < n) {
            if (s.charAt(i) == '"') {
                if (at(i + 1) != '"') {
                    pos = i + 1;
                    return;
                }
                i += 2;
            } else {
                i++;
            }
        }
        runsToEnd(pos, "quoted identifier \"");
    }

    /** A '...' literal from the opening quote at {@link #pos}, including any continuation segments. */
    private void literal(boolean backslashEscapes) {
        int open = pos;
        int i = pos + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (at(i + 1) == '\'') {
                    i += 2;
                } else {
                    int reopened = continuationQuote(i + 1);
                    if (reopened < 0) {
                        pos = i + 1;
                        return;
                    }
                    i = reopened + 1;
                }
            } else {
                i++;
            }
        }
        runsToEnd(backslashEscapes ? open - 1 : open, backslashEscapes ? "string literal E'" : "string literal '");
    }

    /**
     * The server's {@code quotecontinue}: after a closing quote, horizontal space and comments, a line
     * break, then any whitespace (a comment only when a line break follows it) and a quote reopen the
     * same literal. Returns the offset of that reopening quote, or -1.
     */
    private int continuationQuote(int i) {
        while (true) {
            if (i < n && horizontalSpace(s.charAt(i))) {
                i++;
            } else if (at(i) == '-' && at(i + 1) == '-') {
                i = lineCommentEnd(i);
            } else {
                break;
            }
        }
        if (i >= n || !newline(s.charAt(i))) return -1;
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (space(c)) {
                i++;
            } else if (c == '-' && at(i + 1) == '-') {
                int end = lineCommentEnd(i);
                if (end >= n) return -1;
                i = end + 1;
            } else {
                break;
            }
        }
        return at(i) == '\'' && i < n ? i : -1;
    }
}
