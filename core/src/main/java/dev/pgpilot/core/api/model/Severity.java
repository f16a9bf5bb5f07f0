package dev.pgpilot.core.api.model;

import dev.pgpilot.core.PilotException;
import java.util.Locale;

/** How much a finding matters. Only {@link #ERROR} makes {@code lint} exit 1 and {@code up} refuse. */
public enum Severity {
    OFF, INFO, WARNING, ERROR;

    /** Parses {@code off|info|warning|error} (also {@code warn}); anything else is a user error naming the word. */
    public static Severity parse(String text, String where) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "off", "none", "false" -> OFF;
            case "info", "note" -> INFO;
            case "warning", "warn" -> WARNING;
            case "error" -> ERROR;
            default -> throw PilotException.error("unknown lint severity '" + text + "' " + where,
                    "use off, info, warning or error");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
