package dev.pgpilot.core.request;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request written on several lines ("- add archived_at to projects\n- index comments by
 * author_id") as one line the clause splitter reads: a line that is a list item (a bullet or a
 * number) or starts with a change verb begins a change of its own, so the break before it is a
 * ";" joiner; any other break only wraps a sentence and is a space.
 */
final class RequestLines {
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d+[.)])\\s+");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([A-Za-z]+)");

    private RequestLines() {}

    static String joined(String request) {
        if (request == null) return "";
        List<String> lines = request.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2 || comment(lines.get(0))) return request; // a comment's text is free prose, its lines too
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            boolean item = BULLET.matcher(line).find();
            String text = BULLET.matcher(line).replaceFirst("").strip();
            if (out.length() > 0) out.append(item || opensChange(text) ? "; " : " ");
            out.append(text);
        }
        return out.toString();
    }

    private static boolean comment(String line) {
        var m = FIRST_WORD.matcher(line);
        return m.find() && m.group(1).toLowerCase(Locale.ROOT).matches("comment|describe|document");
    }

    private static boolean opensChange(String line) {
        var m = FIRST_WORD.matcher(line);
        return m.find() && Clauses.changeVerb(m.group(1).toLowerCase(Locale.ROOT));
    }
}
