package dev.pgpilot.shell;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.StatusReport;
import dev.pgpilot.shell.repl.Tty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Applied, pending, modified, missing and out-of-order migrations")
final class StatusCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Option(names = "--check", description = "for CI: exit 1 when anything is pending or modified (with --env all: when environments disagree; 2 when one is unreachable)")
    boolean check;

    @Override
    public Integer call() {
        Pilot pilot = global.project();
        PrintWriter out = spec.commandLine().getOut();
        if ("all".equals(global.env)) {
            return EnvironmentMatrixView.print(pilot.environmentMatrix(), global.json, check, out);
        }
        StatusReport r = pilot.status();
        int exit = check && !r.upToDate() ? 1 : 0;
        if (global.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("applied", r.applied());
            m.put("pending", r.pending());
            m.put("modified", r.modified());
            m.put("missing", r.missing());
            m.put("out_of_order", r.outOfOrder());
            out.println(Render.json(m));
            return exit;
        }
        out.println("target: " + pilot.where().display());
        Set<String> modified = versions(r.modified());
        Set<String> late = versions(r.outOfOrder());
        List<List<String>> rows = new ArrayList<>();
        for (StatusReport.Entry e : r.applied()) rows.add(List.of(e.version(), e.name(), modified.contains(e.version()) ? "MODIFIED" : "applied"));
        for (StatusReport.Entry e : r.pending()) rows.add(List.of(e.version(), e.name(), late.contains(e.version()) ? "pending (out of order)" : "pending"));
        for (StatusReport.Entry e : r.missing()) rows.add(List.of(e.version(), e.name(), "applied, file missing"));
        rows.sort((a, b) -> dev.pgpilot.core.api.model.MigrationName.VERSION_ORDER.compare(a.get(0), b.get(0)));
        if (rows.isEmpty()) {
            out.println("no migrations yet (pgpilot new --empty NAME writes one)");
        } else {
            Render.table(List.of("VERSION", "NAME", "STATE"), rows, Tty.color(global.noColor) ? StatusCommand::rowColor : null).forEach(out::println);
        }
        out.printf("%d applied, %d pending, %d modified, %d missing, %d out of order%n", r.applied().size(), r.pending().size(),
                r.modified().size(), r.missing().size(), r.outOfOrder().size());
        if (!r.modified().isEmpty()) {
            out.println("modified files block `up`: restore them, or `pgpilot repair VERSION --status applied`");
        }
        return exit;
    }

    /** applied green, pending yellow, modified or missing red. */
    private static String rowColor(List<String> row) {
        String state = row.get(2);
        return state.equals("applied") ? "32" : state.startsWith("pending") ? "33" : "1;31";
    }

    private static Set<String> versions(List<StatusReport.Entry> entries) {
        Set<String> s = new HashSet<>();
        entries.forEach(e -> s.add(e.version()));
        return s;
    }
}
