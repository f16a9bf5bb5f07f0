package dev.pgpilot.core.request;

import dev.pgpilot.core.PilotException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Quoting helpers: every identifier and literal in generated SQL goes through here, never pasted. */
public final class Quote {
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0000-\\u001f\\u2028\\u2029]+");
    private static final Pattern IDENT = Pattern.compile("^[a-z_][a-z0-9_]*$");

    private Quote() {}

    /** Refuses anything that is not a plain lower-case identifier of at most 63 bytes. */
    public static String checkIdentifier(String name) {
        if (name == null || !IDENT.matcher(name).matches() || name.getBytes(StandardCharsets.UTF_8).length > 63) {
            throw PilotException.refused("not a valid name: " + oneLine(name),
                    "use lower-case letters, digits and _ (start with a letter, at most 63 characters)");
        }
        return name;
    }

    /** A validated identifier, double-quoted so reserved words (user, order) are safe too. */
    public static String ident(String name) {
        return "\"" + checkIdentifier(name).replace("\"", "\"\"") + "\"";
    }

    /** A string literal with quotes doubled; backslashes are plain characters with standard_conforming_strings. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Text safe inside a {@code --} comment: one line, no control characters. */
    public static String comment(String text) {
        return oneLine(text);
    }

    static String oneLine(String text) {
        if (text == null) return "";
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }
}
