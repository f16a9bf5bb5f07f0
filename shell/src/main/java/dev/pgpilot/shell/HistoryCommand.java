package dev.pgpilot.shell;

import dev.pgpilot.core.api.model.HistoryEntry;
import dev.pgpilot.shell.repl.Tty;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "history", description = "Every attempt: what ran, when, by whom, how long, result")
final class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<HistoryEntry> entries = global.project().history();
        PrintWriter out = spec.commandLine().getOut();
        if (global.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (HistoryEntry e : entries) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("version", e.version());
                m.put("name", e.name());
                m.put("action", e.direction());
                m.put("started_at", e.startedAt().toString());
                m.put("by", e.appliedBy());
                m.put("source", e.source());
                m.put("execution_ms", e.executionMs());
                m.put("success", e.success());
                m.put("error", e.error());
                m.put("failed_line", e.failedLine());
                m.put("batch", e.batch());
                m.put("checksum", e.checksum());
                m.put("reverted_at", e.revertedAt() == null ? null : e.revertedAt().toString());
                m.put("reverted_by", e.revertedBy());
                m.put("lint_override", e.lintOverride());
                list.add(m);
            }
            out.println(Render.json(list));
            return 0;
        }
        if (entries.isEmpty()) {
            out.println("no history yet: nothing has been applied here by pgpilot");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            String result = e.success() ? (e.revertedAt() != null ? "ok (reverted " + WHEN.format(e.revertedAt()) + ")" : "ok")
                    : "FAILED" + (e.failedLine() == null ? "" : " at line " + e.failedLine()) + ": " + e.error();
            rows.add(List.of(WHEN.format(e.startedAt()), e.version(), e.name() == null ? "" : e.name(), e.direction(),
                    e.appliedBy() == null ? "" : e.appliedBy(), e.source() == null ? "" : e.source(), e.executionMs() + " ms", result));
        }
        Render.table(List.of("WHEN", "VERSION", "NAME", "ACTION", "BY", "SOURCE", "TOOK", "RESULT"), rows,
                Tty.color(global.noColor) ? HistoryCommand::rowColor : null).forEach(out::println);
        return 0;
    }

    /** ok green, failed red, reverted grey. */
    private static String rowColor(List<String> row) {
        String result = row.get(row.size() - 1);
        return result.startsWith("FAILED") ? "1;31" : result.startsWith("ok (reverted") ? "90" : "32";
    }
}
