package dev.pgpilot.core.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The text report: failures (with -v their request, planner output and SQL), lint, per-schema and per-category scores. */
final class EvalReport {
    private EvalReport() {}

    static String render(List<Outcome> outcomes, boolean verbose, long millis) {
        StringBuilder b = new StringBuilder();
        for (Outcome o : outcomes) {
            if (o.passed()) continue;
            b.append("FAIL ").append(o.c().schema()).append('/').append(o.c().id()).append(" [").append(o.c().category()).append("] ")
                    .append(o.c().request()).append("\n     ").append(o.why()).append('\n');
            if (verbose) {
                if (!o.output().isBlank()) b.append(indent(o.output(), "     > "));
                if (!o.sql().isBlank()) b.append(indent(o.sql(), "     | "));
            }
        }
        List<Outcome> bugs = outcomes.stream().filter(Outcome::evalBug).toList();
        if (!bugs.isEmpty()) {
            b.append("eval bugs (check already true before the migration): ")
                    .append(bugs.stream().map(o -> o.c().id()).collect(Collectors.joining(" "))).append('\n');
        }
        Map<String, Long> lint = outcomes.stream().filter(o -> o.c().expect() == EvalCase.Expect.APPLY)
                .flatMap(o -> o.lintRules().stream().distinct())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        b.append("lint findings on generated migrations (rule: migrations):")
                .append(lint.isEmpty() ? " none" : "").append('\n');
        lint.forEach((rule, n) -> b.append("  ").append(rule).append(": ").append(n).append('\n'));
        b.append("by schema:\n").append(scores(outcomes, o -> o.c().schema()));
        b.append("by category:\n").append(scores(outcomes, o -> o.c().category()));
        b.append(String.format("time: %.1f s for %d cases%n", millis / 1000.0, outcomes.size()));
        b.append("dev-eval: ").append(passed(outcomes)).append('/').append(outcomes.size()).append(" passed\n");
        return b.toString();
    }

    static long passed(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::passed).count();
    }

    private static String scores(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, List<Outcome>> by = outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        StringBuilder b = new StringBuilder();
        by.forEach((k, list) -> b.append(String.format("  %-20s %3d/%-3d%n", k, passed(list), list.size())));
        return b.toString();
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
