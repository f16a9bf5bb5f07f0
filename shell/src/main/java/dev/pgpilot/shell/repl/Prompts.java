package dev.pgpilot.shell.repl;

import dev.pgpilot.core.api.TargetPreview;
import java.util.OptionalInt;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The shell's prompt: {@code pgpilot TARGET[!] (N pending)> }, bold, red on a protected environment. */
final class Prompts {
    private Prompts() {}

    static String main(TargetPreview t, OptionalInt pending, boolean color) {
        String text = "pgpilot " + t.label() + (t.isProtected() ? "!" : "")
                + (pending.isPresent() && pending.getAsInt() > 0 ? " (" + pending.getAsInt() + " pending)" : "") + "> ";
        if (!color) {
            return text;
        }
        AttributedStyle style = t.isProtected() ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD;
        return new AttributedStringBuilder().styled(style, text).toAnsi();
    }
}
