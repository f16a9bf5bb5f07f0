package dev.pgpilot.core.request;

import dev.pgpilot.core.api.model.Ambiguous;
import java.util.ArrayList;
import java.util.List;

/**
 * A request with more than one reading ("remove notes": the notes table, or the notes column of
 * tasks?). Nothing is picked: the shell offers the readings as numbered choices and plans the one
 * chosen; the CLI and Slack refuse (exit 1) listing them. Each reading carries a request that says
 * the same thing unambiguously, so choosing one is planning that request.
 */
public final class AmbiguousRequest extends Ambiguous {
    private final List<Reading> readings;

    public AmbiguousRequest(String request, List<Reading> readings) {
        super(message(request, readings), "say which, e.g. \"" + readings.get(0).request() + "\"");
        if (readings.size() < 2) throw new IllegalArgumentException("an ambiguous request has at least two readings");
        this.readings = List.copyOf(readings);
    }

    @Override
    public List<Reading> readings() {
        return readings;
    }

    private static String message(String request, List<Reading> readings) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) lines.add((i + 1) + ") " + readings.get(i).meaning());
        return "\"" + Quote.oneLine(request) + "\" can mean " + readings.size() + " things: " + String.join("; ", lines);
    }
}
