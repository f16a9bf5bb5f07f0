package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.TargetPreview;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ReplPromptTest {
    @Command(name = "root") static final class Root {}

    private String prompt(TargetPreview target, boolean color, OptionalInt pending) throws IOException {
        try (Terminal t = new DumbTerminal("t", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            Repl repl = new Repl(new Repl.Setup(t, new CommandLine(new Root()), (args, out) -> 0, (plan, out) -> 0, List.of(), target, color,
                    () -> pending, List::of, List::of, () -> null, () -> null, java.util.Map.of(), null));
            repl.refreshPending();
            return repl.prompt();
        }
    }

    @Test
    void protectedEnvironmentPromptIsRedWithABang() throws IOException {
        String p = prompt(new TargetPreview("production", true, false), true, OptionalInt.empty());
        assertTrue(p.contains("production!> "), p);
        assertTrue(p.matches("(?s).*\u001b\\[([0-9]+;)*31[;m].*"), "red foreground expected: " + p.replace("\u001b", "ESC"));
    }

    @Test
    void pendingCountShowsWhenKnownAndColourOffIsPlain() throws IOException {
        assertEquals("pgpilot local (3 pending)> ", prompt(new TargetPreview("local", false, true), false, OptionalInt.of(3)));
        assertEquals("pgpilot local> ", prompt(new TargetPreview("local", false, true), false, OptionalInt.empty()));
    }
}
