package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgpilot.shell.repl.Repl;
import dev.pgpilot.core.api.TargetPreview;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/**
 * The confirm question inside the REPL reads its answer from the shell's own line reader; until
 * the engine's `up` lands, the command asking is a runner that calls Prompter.confirm exactly as
 * `up` will. (Plan-then-apply on the embedded database goes here once `up` is merged.)
 */
class ShellPrompterTest {

    List<Boolean> answersTo(String input) throws IOException {
        List<Boolean> answers = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("pipe", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), bytes, StandardCharsets.UTF_8)) {
            PrintWriter out = t.writer();
            Repl repl = new Repl(new Repl.Setup(t, Main.commandLine(out, out),
                    (args, w) -> {
                        answers.add(Prompter.confirm(new GlobalOptions(), "Apply 1 migration to local?", "nothing applied"));
                        return 0;
                    },
                    (plan, w) -> 0,
                    List.of(), new TargetPreview("local", false, true), false, OptionalInt::empty,
                    List::of, List::of, () -> null, () -> null, java.util.Map.of(), null));
            Prompter.install(repl::ask);
            try {
                assertEquals(0, repl.run());
            } finally {
                Prompter.install(null);
            }
        }
        return answers;
    }

    @Test
    void confirmRefusesOnN() throws IOException {
        assertEquals(List.of(false), answersTo("init\nn\n"));
    }

    @Test
    void confirmRefusesOnEmptyAnswer() throws IOException {
        assertEquals(List.of(false), answersTo("init\n\n"));
    }

    @Test
    void confirmRefusesWhenInputEndsAtTheQuestion() throws IOException {
        assertEquals(List.of(false), answersTo("init\n"));
    }

    @Test
    void confirmAcceptsY() throws IOException {
        assertEquals(List.of(true), answersTo("init\ny\n"));
    }
}
