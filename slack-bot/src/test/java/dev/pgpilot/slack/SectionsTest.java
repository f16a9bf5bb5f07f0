package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SectionsTest {
    @Test
    void shortSqlIsShownWholeInACodeBlock() {
        assertEquals("```\nselect 1;\n```", Sections.code("select 1;\n", "x"));
    }

    @Test
    void longSqlIsCutAtALineAndSaysHowMuchIsMissingAndWhere() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sql.append("alter table t add column if not exists c").append(i).append(" text;\n");
        }
        String shown = Sections.code(sql.toString(), "the whole file is x.sql");
        assertTrue(shown.length() < Sections.SECTION_LIMIT, "fits a Slack section: " + shown.length());
        String code = shown.substring(4, shown.indexOf("\n```\n_"));
        assertTrue(code.endsWith(" text;"), "cut at a line boundary: " + code.substring(code.length() - 30));
        long shownLines = code.lines().count();
        assertTrue(shown.contains("_… " + (200 - shownLines) + " more lines not shown"), shown.substring(shown.length() - 120));
        assertTrue(shown.endsWith("the whole file is x.sql_"));
    }

    @Test
    void userTextCannotBecomeSlackMarkup() {
        assertEquals("&lt;!channel&gt; &amp; &lt;@U1&gt;", Mrkdwn.escape("<!channel> & <@U1>"));
    }

    @Test
    void slackEntitiesAreDecodedOnTheWayInWithAmpersandLast() {
        assertEquals("R&D > 0 <x>", Mrkdwn.decode("R&amp;D &gt; 0 &lt;x&gt;"));
        assertEquals("the text &lt;", Mrkdwn.decode("the text &amp;lt;"));
    }

    @Test
    void linksAndMentionsInsideSqlAreEscapedInTheCodeBlock() {
        assertEquals("```\nselect '&lt;https://x|harmless&gt;', '&lt;!channel&gt;';\n```",
                Sections.code("select '<https://x|harmless>', '<!channel>';", "x"));
    }

    @Test
    void longSqlFullOfEscapedCharactersIsNeverCutInsideAnEntity() {
        String sql = "select '" + "<".repeat(5000) + "';";
        String shown = Sections.code(sql, "x");
        String code = shown.substring(4, shown.indexOf("\n```\n_"));
        assertTrue(code.endsWith("&lt;"), code.substring(code.length() - 10));
        assertTrue(shown.length() < Sections.SECTION_LIMIT, "fits a Slack section: " + shown.length());
    }

    @Test
    void codeFencesInsideSqlDoNotCloseTheBlockEarly() {
        String shown = Sections.code("select '```';", "x");
        assertEquals(2, shown.split("```", -1).length - 1, shown);
    }
}
