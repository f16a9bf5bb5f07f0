package dev.pgpilot.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain aligned text tables and JSON, shared by the engine commands. */
final class Render {
    /** Built on first use, so text output does not pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private Render() {}

    /** A JSON object with its keys in the given order: {@code fields("version", v, "name", n)}. */
    static java.util.Map<String, Object> fields(Object... keysAndValues) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The one-line error and its hint, as every command prints a refusal; returns its exit code. */
    static int printError(PrintWriter err, dev.pgpilot.core.PilotException e) {
        err.println("error: " + e.getMessage());
        if (e.hint() != null) {
            err.println("hint: " + e.hint());
        }
        err.flush();
        return e.exitCode();
    }

    /** A script reading --json output gets JSON on stdout even when the command fails: {"error": {message, hint}}. */
    static void printJsonError(PrintWriter out, String message, String hint) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("hint", hint);
        out.println(json(Map.of("error", error)));
        out.flush();
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same table coloured (when {@code rowColor} is not null): the header bold, each row in the
     * SGR colour {@code rowColor} gives it (null: plain). Widths are those of the plain text.
     */
    static List<String> table(List<String> header, List<List<String>> rows, java.util.function.Function<List<String>, String> rowColor) {
        List<String> plain = table(header, rows);
        if (rowColor == null) {
            return plain;
        }
        List<String> out = new ArrayList<>();
        out.add("\u001b[1m" + plain.get(0) + "\u001b[0m");
        for (int i = 0; i < rows.size(); i++) {
            String sgr = rowColor.apply(rows.get(i));
            out.add(sgr == null ? plain.get(i + 1) : "\u001b[" + sgr + "m" + plain.get(i + 1) + "\u001b[0m");
        }
        return out;
    }

    /** Columns padded to their widest cell; the last column is not padded. */
    static List<String> table(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        }
        List<String> out = new ArrayList<>();
        for (List<String> r : all) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) b.append("  ");
                b.append(r.get(i));
                // padded by hand: String.format per cell was a tenth of `status` on 2,000 migrations
                if (i < r.size() - 1) b.append(" ".repeat(width[i] - r.get(i).length()));
            }
            out.add(b.toString().stripTrailing());
        }
        return out;
    }
}
