package dev.pgpilot.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void withoutATerminalEachStepIsOnePlainLine() {
        StringWriter s = new StringWriter();
        ProgressBar.Listener l = new ProgressBar(new PrintWriter(s), false).asListener();
        l.update(1, 4, "a.sql");
        l.update(4, 4, "d.sql");
        assertEquals("[#####---------------] 1/4 a.sql\n[####################] 4/4 d.sql\n", s.toString().replace("\r\n", "\n"));
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceAndClearErasesIt() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), true);
        bar.update(1, 2, "a.sql");
        bar.update(2, 2, "b.sql");
        bar.clear();
        assertEquals("\r[##########----------] 1/2 a.sql\u001b[K\r[####################] 2/2 b.sql\u001b[K\r\u001b[K", s.toString());
    }
}
