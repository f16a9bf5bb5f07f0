package dev.pgpilot.shell.repl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Terminal;

/**
 * Shows long output through {@code $PAGER} (default {@code less -FRX}) on a real terminal only;
 * on a dumb terminal or when the text fits on the screen it is printed as it is.
 */
public final class Pager {
    private Pager() {}

    public static void show(Terminal terminal, String text, Map<String, String> env) {
        boolean real = terminal.getType() != null && !terminal.getType().startsWith(Terminal.TYPE_DUMB);
        long lines = text.lines().count();
        if (!real || lines < terminal.getHeight() - 1) {
            terminal.writer().print(text);
            terminal.writer().flush();
            return;
        }
        String pager = env.getOrDefault("PAGER", "less -FRX");
        try {
            Process p = new ProcessBuilder("sh", "-c", pager)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // the user quit the pager before reading everything: not an error
            }
            p.waitFor();
        } catch (IOException e) {
            terminal.writer().print(text);
            terminal.writer().flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
