package dev.pgpilot.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlHighlighterTest {
    private static final String SQL = "-- why\nalter table events add column notes text default 'a -- b';";

    @Test
    void colourOffReturnsTheSqlUnchanged() {
        assertEquals(SQL, SqlHighlighter.render(SQL, false));
    }

    @Test
    void keywordsStringsAndCommentsGetDifferentStylesButTheSameText() {
        var a = SqlHighlighter.highlight(SQL);
        assertEquals(SQL, a.toString());
        int keyword = SQL.indexOf("alter");
        int string = SQL.indexOf("'a -- b'") + 3; // inside the string: not a comment
        int comment = SQL.indexOf("why");
        int plain = SQL.indexOf("events");
        assertTrue(a.styleAt(keyword).getStyle() != a.styleAt(plain).getStyle());
        assertTrue(a.styleAt(string).getStyle() != a.styleAt(keyword).getStyle());
        assertTrue(a.styleAt(comment).getStyle() != a.styleAt(string).getStyle());
        assertTrue(a.styleAt(string).getStyle() != a.styleAt(comment).getStyle());
    }
}
