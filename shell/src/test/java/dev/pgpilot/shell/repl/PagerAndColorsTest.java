package dev.pgpilot.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long output goes through $PAGER on a terminal only; colours obey --no-color, NO_COLOR and dumb terminals. */
class PagerAndColorsTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Terminal terminal(String type) throws IOException {
        Terminal t = new DumbTerminal("t", type, new ByteArrayInputStream(new byte[0]), screen, StandardCharsets.UTF_8);
        t.setSize(new Size(80, 10));
        return t;
    }

    private static String lines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) b.append("line ").append(i).append('\n');
        return b.toString();
    }

    @Test
    void textLongerThanTheScreenGoesThroughThePager() throws IOException {
        Path paged = dir.resolve("paged.txt");
        try (Terminal t = terminal("xterm-256color")) {
            Pager.show(t, lines(30), Map.of("PAGER", "cat > '" + paged + "'"));
        }
        assertEquals(lines(30), Files.readString(paged));
        assertEquals("", screen.toString(StandardCharsets.UTF_8), "the pager wrote the text, not the shell");
    }

    @Test
    void shortTextAndDumbTerminalsArePrintedAsTheyAre() throws IOException {
        Path paged = dir.resolve("paged.txt");
        try (Terminal t = terminal("xterm-256color")) {
            Pager.show(t, lines(3), Map.of("PAGER", "cat > '" + paged + "'"));
        }
        try (Terminal t = terminal(Terminal.TYPE_DUMB)) {
            Pager.show(t, lines(30), Map.of("PAGER", "cat > '" + paged + "'"));
        }
        assertFalse(Files.exists(paged));
        assertEquals(lines(3) + lines(30), screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    void coloursOnlyOnAColourTerminalWithoutNoColor() throws IOException {
        try (Terminal xterm = terminal("xterm-256color"); Terminal dumb = terminal(Terminal.TYPE_DUMB)) {
            assertTrue(Colors.enabled(xterm, false, Map.of()));
            assertFalse(Colors.enabled(xterm, true, Map.of()), "--no-color");
            assertFalse(Colors.enabled(xterm, false, Map.of("NO_COLOR", "1")), "NO_COLOR");
            assertFalse(Colors.enabled(dumb, false, Map.of()), "a pipe");
        }
    }

    @Test
    void highlightedSqlOnlyWhenColoured() {
        String sql = "create table notes (body text); -- why\n";
        assertEquals(sql, SqlHighlighter.render(sql, false));
        assertTrue(SqlHighlighter.render(sql, true).contains("\u001b["));
    }
}
