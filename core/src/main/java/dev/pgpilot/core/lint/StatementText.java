package dev.pgpilot.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Small helpers over normalized statement text. Text analysis works for every statement the
 * splitter produces, including the ones JSqlParser rejects (DO blocks, DROP POLICY, NOT VALID).
 */
public final class StatementText {
    private StatementText() {}

    /*
     * Patterns here and in the rules run on statements of any length (a 50 MB INSERT, a 2 KB string
     * literal), so a quoted part is written unrolled with possessive quantifiers ("[^"]*+(?:""[^"]*+)*+")
     * and never as an alternation under a star ((?:[^"]|"")*): java.util.regex recurses once per
     * repetition of such a group, and a few thousand characters overflow the stack.
     * RegexBacktrackingTest runs every pattern of lint/ and sql/ on long adversarial input.
     */
    /** One identifier part as it appears in normalized text: quoted, or a bare word. */
    public static final String IDENT = "(?:\"[^\"]*+(?:\"\"[^\"]*+)*+\"|[A-Z_\\u0080-\\uFFFF][A-Z0-9_$\\u0080-\\uFFFF]*)";
    /** A single-quoted literal; group 1 is its body with quotes still doubled. */
    public static final String LITERAL = "'([^']*+(?:''[^']*+)*+)'";
    /** A possibly schema-qualified name. */
    public static final String NAME = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?";

    /** Runs of whitespace, compiled once (String.split with a regex compiles on every call). */
    public static final Pattern WS = Pattern.compile("\\s+");

    public static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.DOTALL);
    }

    /** Identifier as PostgreSQL stores it: quotes removed, unquoted words folded to lower case. */
    public static String ident(String raw) {
        String t = raw.trim();
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) {
            return t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** {@code schema.name} with {@code public} filled in for unqualified names. */
    public static String qualified(String raw) {
        if (raw.indexOf('"') < 0 && raw.indexOf('.') < 0) return "public." + raw.trim().toLowerCase(Locale.ROOT); // the common case, fast
        List<String> parts = splitName(raw);
        if (parts.size() == 1) return "public." + ident(parts.get(0));
        return ident(parts.get(parts.size() - 2)) + "." + ident(parts.get(parts.size() - 1));
    }

    public static String schemaOf(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? "public" : qualified.substring(0, dot);
    }

    private static List<String> splitName(String raw) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        for (char c : raw.trim().toCharArray()) {
            if (c == '"') inQuote = !inQuote;
            if (c == '.' && !inQuote) {
                parts.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString().trim());
        return parts;
    }

    /** Splits on a separator that is outside parentheses and quotes, e.g. the elements of a CREATE TABLE. */
    public static List<String> splitTopLevel(String text, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == sep && depth == 0) {
                out.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty()) out.add(last);
        return out;
    }

    /** Text inside the parenthesis opening at {@code open}, or null when unbalanced. */
    public static String parenBody(String text, int open) {
        if (open < 0 || open >= text.length() || text.charAt(open) != '(') return null;
        int end = matching(text, open);
        return end < 0 ? null : text.substring(open + 1, end);
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    public static int matching(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) return i;
            }
        }
        return -1;
    }

    /** Identifiers in a parenthesised column list such as {@code (A, "b")}, folded. */
    public static List<String> columnList(String body) {
        List<String> cols = new ArrayList<>();
        if (body == null) return cols;
        for (String part : splitTopLevel(body, ',')) {
            String first = WS.split(part.trim(), 2)[0];
            if (!first.isEmpty()) cols.add(ident(first));
        }
        return cols;
    }

    /**
     * Removes single-quoted literals (each becomes {@code ''}), so keyword searches do not hit string
     * contents. One linear pass; an unterminated literal is removed to the end.
     */
    public static String withoutStrings(String norm) {
        if (norm.indexOf('\'') < 0) return norm;
        StringBuilder out = new StringBuilder(norm.length());
        int i = 0;
        int n = norm.length();
        while (i < n) {
            char c = norm.charAt(i);
            if (c != '\'') {
                out.append(c);
                i++;
                continue;
            }
            out.append("''");
            i = literalEnd(norm, i);
        }
        return out.toString();
    }

    /** Offset just past the single-quoted literal opening at {@code open} (doubled quotes stay inside), or the text's end. */
    public static int literalEnd(String text, int open) {
        int i = open + 1;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < n && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /**
     * Removes dollar-quoted bodies ({@code $$...$$}, {@code $tag$...$tag$}; each becomes {@code $$}),
     * so a keyword inside a function body is not read as part of the statement. One linear pass; a
     * body that never closes is removed to the end.
     */
    public static String withoutDollarBodies(String norm) {
        int open = norm.indexOf('$');
        if (open < 0) return norm;
        StringBuilder out = new StringBuilder(norm.length());
        int i = 0;
        while (open >= 0) {
            int tagEnd = dollarTagEnd(norm, open);
            if (tagEnd < 0) {
                out.append(norm, i, open + 1);
                i = open + 1;
            } else {
                out.append(norm, i, open).append("$$");
                int close = norm.indexOf(norm.substring(open, tagEnd), tagEnd);
                i = close < 0 ? norm.length() : close + (tagEnd - open);
            }
            open = norm.indexOf('$', i);
        }
        return out.append(norm, i, norm.length()).toString();
    }

    /** End of a {@code $tag$} opener at {@code p} (a tag starts with a letter or '_'), or -1; a '$' inside a word opens none. */
    private static int dollarTagEnd(String s, int p) {
        if (p > 0 && (Character.isLetterOrDigit(s.charAt(p - 1)) || s.charAt(p - 1) == '_')) return -1;
        int i = p + 1;
        if (i < s.length() && s.charAt(i) == '$') return i + 1;
        if (i >= s.length() || !(Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) return -1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        return i < s.length() && s.charAt(i) == '$' ? i + 1 : -1;
    }

    /** The bodies of the single-quoted literals in a text, in order, with doubled quotes undone. */
    public static List<String> literals(String text) {
        List<String> out = new ArrayList<>();
        int i = text.indexOf('\'');
        while (i >= 0) {
            int end = literalEnd(text, i);
            if (end - 1 <= i || text.charAt(end - 1) != '\'') break; // unterminated: not a literal
            out.add(text.substring(i + 1, end - 1).replace("''", "'"));
            i = text.indexOf('\'', end);
        }
        return out;
    }
}
