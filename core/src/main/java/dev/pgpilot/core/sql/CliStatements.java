package dev.pgpilot.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A file split into statements the way the Supabase CLI splits it before it runs a migration and
 * stores it in {@code supabase_migrations.schema_migrations.statements}: each statement as written,
 * comments before it included, cut after each {@code ;} outside quotes, comments, dollar quotes,
 * parentheses and {@code BEGIN ATOMIC ... END}; trailing semicolons and surrounding whitespace
 * trimmed; empty pieces dropped (so a comment after the last statement is a statement of its own).
 * pgpilot writes the same rows, so both tools see the same history. The CLI's quirks are kept on
 * purpose (the first {@code )} closes every open parenthesis; {@code END} ends an atomic body even
 * inside a word): agreeing with the CLI matters more here than agreeing with PostgreSQL, and
 * {@link SqlScript} stays the splitter pgpilot runs statements with.
 */
public final class CliStatements {
    private CliStatements() {}

    /** Where the scanner is inside the current statement. */
    private enum Mode { READY, DASH, LINE_COMMENT, SLASH, BLOCK_COMMENT, QUOTE, QUOTE_END, TAG, DOLLAR, ESCAPE }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        Scanner s = new Scanner(text);
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (s.next(cp, start, i)) {
                add(out, text.substring(start, i));
                start = i;
                s = new Scanner(text);
            }
        }
        if (start < text.length()) {
            add(out, text.substring(start));
        }
        return List.copyOf(out);
    }

    private static void add(List<String> out, String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == ';') end--;
        String trimmed = token.substring(0, end).strip();
        if (!trimmed.isEmpty()) out.add(trimmed);
    }

    /**
     * The state of one statement: the innermost mode, and the stack of enclosing parenthesis or
     * atomic-body closers (each closes when the scanner is back in {@link Mode#READY} on it).
     */
    private static final class Scanner {
        private final String text;
        private Mode mode = Mode.READY;
        private final List<String> closers = new ArrayList<>();
        private int depth;          // block comment nesting
        private int tagStart;       // where a $tag$ opened
        private char quote;
        private String delimiter;   // the text that ends a line comment or dollar quote

        Scanner(String text) {
            this.text = text;
        }

        /**
         * Feeds the code point that ends at {@code end} (the statement began at {@code start});
         * true when it ends the statement.
         */
        boolean next(int cp, int start, int end) {
            boolean escaped = mode == Mode.ESCAPE; // the character after a backslash never ends the statement
            boolean ready = step(cp, start, end);
            if (closers.isEmpty()) {
                return ready && cp == ';' && !escaped;
            }
            // Inside parentheses or an atomic body: a closer counts only outside quotes and comments,
            // and one closing character ends every level that waits for it.
            if (mode == Mode.READY) {
                while (!closers.isEmpty() && endsWith(start, end, closers.get(closers.size() - 1))) {
                    closers.remove(closers.size() - 1);
                }
            }
            return false;
        }

        private boolean endsWith(int start, int end, String closer) {
            return end - start >= closer.length() && text.regionMatches(true, end - closer.length(), closer, 0, closer.length());
        }

        /** One transition; true when the scanner is ready (outside any quote or comment) after it. */
        private boolean step(int cp, int start, int end) {
            switch (mode) {
                case READY -> ready(cp, start, end);
                case DASH -> {
                    if (cp == '-') {
                        mode = Mode.LINE_COMMENT;
                        delimiter = "\n";
                    } else {
                        mode = Mode.READY;
                        ready(cp, start, end);
                    }
                }
                case LINE_COMMENT, DOLLAR -> {
                    if (end - start >= delimiter.length() && text.startsWith(delimiter, end - delimiter.length())) {
                        mode = Mode.READY;
                    }
                }
                case SLASH, BLOCK_COMMENT -> block(cp, start, end);
                case QUOTE -> {
                    if (cp == quote) mode = Mode.QUOTE_END;
                }
                case QUOTE_END -> {
                    if (cp == quote) {
                        mode = Mode.QUOTE; // a doubled quote stays inside the literal
                    } else {
                        mode = Mode.READY;
                        ready(cp, start, end);
                    }
                }
                case TAG -> {
                    if (cp == '$') {
                        mode = Mode.DOLLAR;
                        delimiter = text.substring(tagStart, end);
                    } else if (!(Character.isLetterOrDigit(cp) || cp == '_')) {
                        mode = Mode.READY;
                        ready(cp, start, end);
                    }
                }
                case ESCAPE -> mode = Mode.READY;
            }
            return mode == Mode.READY;
        }

        private void block(int cp, int start, int end) {
            boolean opens = end - start >= 2 && text.startsWith("/*", end - 2);
            boolean closes = end - start >= 2 && text.startsWith("*/", end - 2);
            if (opens) {
                depth++;
                mode = Mode.BLOCK_COMMENT;
            } else if (depth == 0) {
                mode = Mode.READY;
                ready(cp, start, end);
            } else if (closes && --depth == 0) {
                mode = Mode.READY;
            }
        }

        private void ready(int cp, int start, int end) {
            switch (cp) {
                case '$' -> {
                    mode = Mode.TAG;
                    tagStart = end - 1;
                }
                case '\'', '"' -> {
                    mode = Mode.QUOTE;
                    quote = (char) cp;
                }
                case '-' -> mode = Mode.DASH;
                case '/' -> {
                    mode = Mode.SLASH;
                    depth = 0;
                }
                case '\\' -> mode = Mode.ESCAPE;
                case '(' -> closers.add(")");
                case 'c', 'C' -> {
                    if (beginAtomicEndsAt(start, end)) closers.add("END");
                }
                default -> { }
            }
        }

        /** True when the statement so far ends with {@code BEGIN ATOMIC} (any case and spacing, whole words). */
        private boolean beginAtomicEndsAt(int start, int end) {
            int atomic = end - "ATOMIC".length();
            if (atomic < start || !text.regionMatches(true, atomic, "ATOMIC", 0, 6)) return false;
            if (atomic > start && isIdentifierPart(text.codePointBefore(atomic))) return false;
            int p = atomic;
            while (p > start && Character.isWhitespace(text.codePointBefore(p))) p -= Character.charCount(text.codePointBefore(p));
            int begin = p - "BEGIN".length();
            if (begin < start || !text.regionMatches(true, begin, "BEGIN", 0, 5)) return false;
            return begin == start || !isIdentifierPart(text.codePointBefore(begin));
        }

        private static boolean isIdentifierPart(int cp) {
            return Character.isLetterOrDigit(cp) || cp == '_' || cp == '$';
        }
    }
}
