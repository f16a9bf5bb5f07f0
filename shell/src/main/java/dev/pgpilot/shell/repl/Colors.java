package dev.pgpilot.shell.repl;

import java.util.Map;
import org.jline.terminal.Terminal;

/** Whether escape codes may be written: never with --no-color, NO_COLOR, or a dumb terminal (pipes). */
public final class Colors {
    private Colors() {}

    public static boolean enabled(Terminal terminal, boolean noColorOption, Map<String, String> env) {
        if (noColorOption || env.containsKey("NO_COLOR")) {
            return false;
        }
        String type = terminal.getType();
        return type != null && !type.startsWith(Terminal.TYPE_DUMB);
    }
}
