package dev.pgpilot.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random scripts. Two kinds: scripts assembled from pieces whose statement boundaries are
 * known by construction (so the expected split is independent of the splitter), and raw garbage
 * heavy in quote, dollar, comment and escape characters (where only invariants can be checked).
 */
class SqlScriptFuzzTest {
    private static final long SEED = 20261122L;
    private static final int CASES = 3000;

    // ---------- scripts with a known answer ----------

    private record Expected(String text, List<Integer> starts, List<String> sqls) {}

    @Test
    void assembledScriptsSplitExactlyWhereTheyWereJoined() {
        Random r = new Random(SEED);
        for (int c = 0; c < CASES; c++) {
            Expected e = assemble(r);
            List<SqlStatement> got;
            try {
                got = SqlScript.parse(e.text()).statements();
            } catch (RuntimeException ex) {
                throw new AssertionError("case " + c + " threw on: " + e.text(), ex);
            }
            String where = "case " + c + ": " + show(e.text());
            assertEquals(e.sqls().stream().map(SqlScriptFuzzTest::show).toList(),
                    got.stream().map(st -> show(st.sql())).toList(), where);
            assertEquals(e.starts(), got.stream().map(SqlStatement::startOffset).toList(), where);
            checkInvariants(e.text(), got, where);
        }
    }

    private static Expected assemble(Random r) {
        StringBuilder b = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<String> sqls = new ArrayList<>();
        b.append(gap(r));
        int statements = r.nextInt(6);
        boolean unterminatedTail = r.nextInt(8) == 0;
        for (int i = 0; i < statements; i++) {
            String sql = r.nextInt(6) == 0 ? atomicRoutine(r) : statement(r);
            starts.add(b.length());
            sqls.add(sql);
            b.append(sql);
            boolean last = i == statements - 1;
            if (last && !unterminatedTail && r.nextInt(3) == 0) {
                // no terminating semicolon; maybe an unterminated comment, which stays out of the statement
                if (r.nextBoolean()) b.append(r.nextBoolean() ? " -- tail; " : " /* open; /* */ ;");
                break;
            }
            // a comment needs a blank before it: "-" then "--" would read as one comment, as in the server
            b.append(r.nextBoolean() ? "" : blanks(r) + (r.nextBoolean() ? "" : comment(r) + "\n"));
            b.append(';').append(gap(r));
        }
        if (unterminatedTail) {
            // a final statement with an unterminated literal or body swallows the rest of the script
            int kind = r.nextInt(4);
            String open = List.of("select 'open; ", "select E'\\'; ", "select $t$ ; ", "select \"x; ").get(kind);
            String neverCloses = List.of("a;\"$-/* \n", "a;\"$-/* \n", "a;'\"-/* \n", "a;'$-/* \n").get(kind);
            String sql = open + content(r, neverCloses) + ";" + content(r, neverCloses) + "x";
            starts.add(b.length());
            sqls.add(sql);
            b.append(sql);
        }
        return new Expected(b.toString(), starts, sqls);
    }

    /** Whitespace, comments and empty statements between statements. */
    private static String gap(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> b.append(blanks(r));
                case 1 -> b.append(comment(r)).append('\n');
                case 2 -> b.append(';');
                default -> b.append(blockComment(r, 0));
            }
        }
        return b.toString();
    }

    /** A statement whose pieces never end it early: first and last piece are tokens. */
    private static String statement(Random r) {
        StringBuilder b = new StringBuilder(token(r));
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            String next = token(r);
            if (b.charAt(b.length() - 1) == '\'' && next.startsWith("'")) {
                // two literals with a line break between are one continued literal: keep them apart
                b.append(" ||");
            }
            b.append(blanks(r));
            if (r.nextInt(5) == 0) b.append(r.nextBoolean() ? comment(r) + "\n" : blockComment(r, 0) + " ");
            b.append(next);
        }
        return b.toString();
    }

    private static String atomicRoutine(Random r) {
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "create function f() returns int language sql" : "CREATE OR REPLACE PROCEDURE p()");
        b.append(blanks(r)).append(r.nextBoolean() ? "BEGIN" : "begin").append(blanks(r));
        if (r.nextBoolean()) b.append(blockComment(r, 0)).append(' ');
        b.append(r.nextBoolean() ? "ATOMIC" : "atomic").append(blanks(r));
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(statement(r));
            if (r.nextBoolean()) b.append(" case when ").append(token(r)).append(" then ").append(statement(r)).append(" end");
            b.append(';').append(blanks(r));
        }
        return b.append(r.nextBoolean() ? "END" : "end").toString();
    }

    private static String token(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> pick(r, "select", "insert", "x", "e", "E", "U", "a$b", "x$$", "t$", "_q1", "é", "表");
            case 1 -> "'" + content(r, "a;$-/*\"\\ \n", "''") + "'";
            case 2 -> pick(r, "E", "e") + "'" + content(r, "a;$-/*\" \n", "\\'", "\\\\", "''", "\\n") + "'";
            case 3 -> "\"" + content(r, "a;$-/*'\\ \n", "\"\"") + "\"";
            case 4 -> dollar(r);
            case 5 -> pick(r, "1", "1.5", ".5", "1e5", "0x1F", "1_000", "$1", "$12");
            case 6 -> pick(r, "$1$a$;$a$", "1$a$;$a$", "$1$$;$$");
            case 7 -> "U&'" + content(r, "a;\\ ", "''") + "'";
            case 8 -> "E'" + content(r, "a;", "\\'") + "'\n" + (r.nextBoolean() ? "-- between\n" : "") + "'" + content(r, "a; ", "\\'") + "'";
            case 9 -> pick(r, "(", ")", ",", "+", "-", "*", "/", "::", "=", ".", "&", "|", "?");
            case 10 -> "'" + content(r, "a; ", "''") + "' '" + content(r, "\\; ") + "'"; // same line: no continuation
            case 11 -> "U&\"" + content(r, "a;' ", "\"\"") + "\"";
            case 12 -> pick(r, "B", "X", "N") + "'" + content(r, "01;", "''") + "'";
            case 13 -> "begin";
            case 14 -> "case x when 1 then 'a;' end";
            default -> pick(r, "from", "where", "t", "1", "null");
        };
    }

    private static String dollar(Random r) {
        String tag = "$" + pick(r, "", "a", "fn", "_x1", "é", "body") + "$";
        String body;
        do {
            body = content(r, "a;'\"\\-/*$ \n", "$$", "$a$", "$1", "--", "/*");
        } while ((body + tag).indexOf(tag) != body.length());
        return tag + body + tag;
    }

    private static String comment(Random r) {
        return "--" + content(r, "a;'\"$*/ -");
    }

    private static String blockComment(Random r, int depth) {
        StringBuilder b = new StringBuilder("/*");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (depth < 3 && r.nextInt(4) == 0) b.append(blockComment(r, depth + 1));
            else b.append(content(r, "a;'\"$-\n "));
        }
        return b.append("*/").toString();
    }

    private static String blanks(Random r) {
        return pick(r, " ", "  ", "\n", "\t", "\r\n", " \n  ", "\f");
    }

    private static String content(Random r, String chars, String... multi) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (multi.length > 0 && r.nextInt(3) == 0) b.append(multi[r.nextInt(multi.length)]);
            else b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    // ---------- garbage ----------

    private static final String GARBAGE = "'''\"\"$$$;;;--//**\\\\eEU&\n\r\t 01aZ_é😀\0()";

    @Test
    void garbageNeverThrowsAndKeepsEveryInvariant() {
        Random r = new Random(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(120);
            for (int i = 0; i < n; i++) {
                int pick = r.nextInt(GARBAGE.length() + 2);
                if (pick == GARBAGE.length()) b.append((char) r.nextInt(0x10000)); // includes lone surrogates
                else if (pick == GARBAGE.length() + 1) b.append(token(r));
                else b.append(GARBAGE.charAt(pick));
            }
            String text = b.toString();
            List<SqlStatement> got;
            try {
                got = SqlScript.parse(text).statements();
            } catch (RuntimeException ex) {
                throw new AssertionError("case " + c + " threw on: " + text, ex);
            }
            checkInvariants(text, got, "garbage case " + c + ": " + show(text));
        }
    }

    /**
     * Offsets increase and stay in range; each statement is the text at its offsets; leading text,
     * statements and what follows them put back together give the script; nothing outside the
     * statements is a statement; each statement split again alone is itself; line and column match
     * a naive count.
     */
    private static void checkInvariants(String text, List<SqlStatement> statements, String where) {
        StringBuilder rebuilt = new StringBuilder();
        List<String> outside = new ArrayList<>();
        int previousEnd = 0;
        SqlScript script = SqlScript.parse(text);
        for (SqlStatement s : statements) {
            int sqlEnd = s.startOffset() + s.sql().length();
            if (!(previousEnd <= s.startOffset() && s.startOffset() < sqlEnd && sqlEnd <= s.endOffset()
                    && s.endOffset() <= text.length())) {
                fail("offsets out of order at " + s + " in " + where);
            }
            assertEquals(text.substring(s.startOffset(), sqlEnd), s.sql(), where);
            assertEquals(text.substring(previousEnd, s.startOffset()), s.leading(), where);
            assertTrue(!SqlLexer.space(s.sql().charAt(0)), where);
            // only a statement left open by an unterminated literal may end in whitespace
            assertTrue(sqlEnd == text.length() || !SqlLexer.space(s.sql().charAt(s.sql().length() - 1)), where);
            rebuilt.append(s.leading()).append(s.sql()).append(text, sqlEnd, s.endOffset());
            outside.add(s.leading());
            outside.add(text.substring(sqlEnd, s.endOffset()));
            List<SqlStatement> alone = SqlScript.parse(s.sql()).statements();
            assertEquals(1, alone.size(), "statement re-split: " + s.sql() + " in " + where);
            assertEquals(s.sql(), alone.get(0).sql(), where);
            assertEquals(naive(text, s.startOffset()), new LineColumn(s.line(), s.column()), where);
            assertEquals(naive(text, s.startOffset()), script.lineColumnOf(s.startOffset()), where);
            previousEnd = s.endOffset();
        }
        rebuilt.append(text, previousEnd, text.length());
        outside.add(text.substring(previousEnd));
        assertEquals(text, rebuilt.toString(), where);
        for (String gap : outside) {
            assertEquals(List.of(), SqlScript.parse(gap).statements(), "gap '" + gap + "' in " + where);
        }
    }

    /** The text on one line with control characters visible, so a failing case can be pasted back. */
    private static String show(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(ch -> {
            if (ch == '\\') b.append("\\\\");
            else if (ch >= 0x20 && ch < 0x7f) b.append((char) ch);
            else b.append(String.format("\\u%04x", ch));
        });
        return b.toString();
    }

    private static LineColumn naive(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new LineColumn(line, text.codePointCount(lineStart, offset) + 1);
    }
}
