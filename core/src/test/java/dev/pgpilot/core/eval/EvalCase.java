package dev.pgpilot.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the development eval (a line of eval/SCHEMA/cases.jsonl; format in eval/README.md).
 *
 * @param check    SQL statements run in one transaction after the migration; the last one's first
 *                 column must be true (apply cases only)
 * @param readings the alternatives an ask case's refusal must name (table {@code notes}, column
 *                 {@code tasks.notes}, enum {@code task_status} ...)
 * @param mentions words a refuse case's message or hint must contain (optional)
 */
public record EvalCase(String id, String schema, String category, String request, Expect expect,
                       List<String> check, List<String> readings, List<String> mentions) {

    /** NOOP: the request asks for what the schema already has: "already there", exit 0, nothing written. */
    public enum Expect { APPLY, REFUSE, ASK, NOOP }

    static EvalCase parse(String schema, JsonNode n) {
        String id = text(n, "id");
        Expect expect = Expect.valueOf(text(n, "expect").toUpperCase());
        EvalCase c = new EvalCase(id, schema, text(n, "cat"), text(n, "request"), expect,
                statements(n.get("check")), strings(n.get("readings")), strings(n.get("mentions")));
        c.validate();
        return c;
    }

    // A malformed case is an eval bug: fail loudly when loading, not as a planner failure later.
    private void validate() {
        if (expect == Expect.APPLY && check.isEmpty()) throw bad("an apply case needs a check");
        if (expect != Expect.APPLY && !check.isEmpty()) throw bad("only apply cases have a check");
        if (expect == Expect.ASK && readings.size() < 2) throw bad("an ask case names at least two readings");
        if (expect == Expect.ASK != category.equals("ask")) throw bad("expect ask <=> category ask");
        if (expect == Expect.REFUSE != category.startsWith("refuse-")) throw bad("expect refuse <=> category refuse-*");
        if (expect == Expect.NOOP != category.equals("already-there")) throw bad("expect noop <=> category already-there");
    }

    private IllegalArgumentException bad(String why) {
        return new IllegalArgumentException(schema + "/" + id + ": " + why);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("case " + n + ": missing " + field);
        }
        return v.asText();
    }

    /** A check is one SQL string or an array of statements. */
    private static List<String> statements(JsonNode v) {
        if (v == null) return List.of();
        if (v.isTextual()) return List.of(v.asText());
        return strings(v);
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v != null) v.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }
}
