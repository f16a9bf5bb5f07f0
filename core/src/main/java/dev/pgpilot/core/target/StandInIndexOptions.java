package dev.pgpilot.core.target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code WITH (...)} options of indexes built with a stand-in's access method. pgvector's hnsw
 * and ivfflat take tuning options ({@code WITH (m = 16, ef_construction = 64)}, {@code WITH (lists
 * = 100)}); the vector stand-in's methods are PostgreSQL's hash index underneath, whose handler
 * refuses every option but fillfactor, and an extension written in SQL cannot register others. So
 * on a server whose vector is pgpilot's stand-in, the clause is blanked in the text sent (each
 * character but line breaks turned into a space): every statement keeps the offsets and lines of
 * the file, the history keeps the file as written, and {@code up} names each place ({@link #note}).
 * Blanking reads the whole text, DO bodies and EXECUTE strings included, since those build indexes too.
 */
public final class StandInIndexOptions {
    /** The access methods each stand-in extension creates that take no options. */
    private static final Map<String, Set<String>> ACCESS_METHODS = Map.of("vector", Set.of("hnsw", "ivfflat"));

    /** For a server with no stand-in access method: sends every text unchanged. */
    public static final StandInIndexOptions NONE = new StandInIndexOptions(Set.of());

    private static final Pattern WITH = Pattern.compile("(?i)WITH\\s*\\(");
    private static final Pattern INCLUDE = Pattern.compile("(?i)INCLUDE\\s*\\(");
    private static final Pattern NULLS_DISTINCT = Pattern.compile("(?i)NULLS\\s+(NOT\\s+)?DISTINCT\\b");

    private final Pattern using;

    /**
     * One clause left out.
     *
     * @param line   1-based line of its WITH in the text
     * @param clause the clause as written, white space folded
     */
    public record LeftOut(int line, String method, String clause) {}

    private StandInIndexOptions(Set<String> methods) {
        this.using = methods.isEmpty() ? null
                : Pattern.compile("(?i)\\bUSING\\s+(\"?)(" + String.join("|", methods) + ")\\1\\s*\\(");
    }

    /** The stand-in access methods of {@code c}'s server: those of every stand-in extension it offers. */
    public static StandInIndexOptions of(Connection c) throws SQLException {
        Set<String> methods = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select name from pg_available_extensions where comment like ? || '%'")) {
            ps.setString(1, ServerExtensions.STAND_IN_MARK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) methods.addAll(ACCESS_METHODS.getOrDefault(rs.getString(1), Set.of()));
            }
        }
        return methods.isEmpty() ? NONE : new StandInIndexOptions(methods);
    }

    /** {@code text} with every stand-in index's WITH clause blanked; the same length and lines. */
    public String blank(String text) {
        List<int[]> clauses = clauses(text);
        if (clauses.isEmpty()) return text;
        StringBuilder b = new StringBuilder(text);
        for (int[] c : clauses) {
            for (int i = c[0]; i < c[1]; i++) {
                char ch = b.charAt(i);
                if (ch != '\n' && ch != '\r') b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    /** The clauses {@link #blank} leaves out of {@code text}, in order. */
    public List<LeftOut> leftOut(String text) {
        List<LeftOut> out = new ArrayList<>();
        for (int[] c : clauses(text)) {
            int line = 1;
            for (int i = 0; i < c[0]; i++) if (text.charAt(i) == '\n') line++;
            out.add(new LeftOut(line, text.substring(c[2], c[3]).toLowerCase(Locale.ROOT).replace("\"", ""),
                    text.substring(c[0], c[1]).replaceAll("\\s+", " ")));
        }
        return out;
    }

    /** The note {@code up} prints for one clause left out of {@code file}. */
    public static String note(String file, LeftOut l) {
        return file + ":" + l.line() + ": " + l.clause() + " left out: " + l.method() + " is the vector stand-in's index here, which"
                + " takes no options and is never used for nearest-neighbour search; on Supabase's pgvector the options apply";
    }

    /** Each clause as {start, end, method start, method end}. */
    private List<int[]> clauses(String text) {
        if (using == null) return List.of();
        List<int[]> out = new ArrayList<>();
        Matcher m = using.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int at = skipSpace(text, closing(text, m.end() - 1));
            from = m.end();
            if (at < 0) continue;
            at = skipOptional(text, at, INCLUDE, true);
            at = skipOptional(text, at, NULLS_DISTINCT, false);
            Matcher w = WITH.matcher(text).region(at, text.length());
            if (!w.lookingAt()) continue;
            int end = closing(text, w.end() - 1);
            if (end < 0) continue;
            out.add(new int[] {at, end, m.start(2), m.end(2)});
            from = end;
        }
        return out;
    }

    /** Past {@code p} at {@code at} (and its parenthesised list when {@code parens}) and the space after it. */
    private static int skipOptional(String text, int at, Pattern p, boolean parens) {
        Matcher m = p.matcher(text).region(at, text.length());
        if (!m.lookingAt()) return at;
        int end = parens ? closing(text, m.end() - 1) : m.end();
        return end < 0 ? at : skipSpace(text, end);
    }

    private static int skipSpace(String text, int at) {
        if (at < 0) return at;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        return at;
    }

    /**
     * Just past the parenthesis that closes the one at {@code open}, skipping quoted literals and
     * names (a doubled quote inside an EXECUTE string reads as an empty literal, which is harmless);
     * -1 when it is never closed.
     */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) return -1;
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            } else if (c == ';') {
                return -1; // past the statement: not an index's column list
            }
        }
        return -1;
    }
}
