package dev.pgpilot.shell.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;

/**
 * Opens {@code $VISUAL}, {@code $EDITOR} (or vi) on a text and returns it as saved. The file gets
 * the migration's name so the editor highlights it as SQL. The command runs through {@code sh -c},
 * so an editor with arguments ("code --wait") works.
 */
final class Editor {
    private final Map<String, String> env;
    private final Terminal terminal;

    Editor(Map<String, String> env, Terminal terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    String edit(String fileName, String text) throws IOException {
        Path dir = Files.createTempDirectory("pgpilot-edit");
        Path file = dir.resolve(fileName);
        try {
            Files.writeString(file, text);
            String editor = firstSet("VISUAL", "EDITOR");
            // paused, JLine reads no keys meant for the editor
            terminal.pause(true);
            int exit;
            try {
                exit = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", file.toString()).inheritIO().start().waitFor();
            } finally {
                terminal.resume();
            }
            if (exit != 0) {
                throw new IOException("editor '" + editor + "' exited with " + exit);
            }
            return Files.readString(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while editing");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private String firstSet(String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) return v;
        }
        return "vi";
    }
}
