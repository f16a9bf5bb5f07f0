package dev.pgpilot.shell;

import dev.pgpilot.core.api.LintReports;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.ReportFormat;
import dev.pgpilot.core.api.model.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", description = "Lint migrations (no PATH: every migration of the workspace). Exit 0 clean, 1 errors, 2 could not run.")
final class LintCommand implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "SQL files or folders")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "text|json|sarif", description = "report format (default: text; --json means json)")
    ReportFormat format;

    @Option(names = "--rule", paramLabel = "ID=SEVERITY", description = "set a rule's severity: off, info, warning or error (repeatable)")
    List<String> rules;

    @Option(names = "--list-rules", description = "print every rule with its default severity")
    boolean listRules;

    @Option(names = "--baseline", description = "accept every current finding: write them to " + LintReports.BASELINE_FILE
            + ", which lint, up and Slack then ignore (new findings still count)")
    boolean baseline;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (listRules) {
            if (global.json) {
                out.println(Render.json(LintReports.rules().stream()
                        .map(r -> Render.fields("id", r.id(), "severity", r.defaultSeverity().label(), "why", r.why())).toList()));
            } else {
                for (LintReports.RuleInfo r : LintReports.rules()) out.printf("%-45s %-7s %s%n", r.id(), r.defaultSeverity().label(), r.why());
            }
            out.flush();
            return 0;
        }
        Map<String, Severity> overrides = new LinkedHashMap<>();
        if (rules != null) {
            for (String r : rules) {
                Map.Entry<String, Severity> e = LintReports.parseOverride(r);
                overrides.put(e.getKey(), e.getValue());
            }
        }
        ReportFormat f = format != null ? format : global.json ? ReportFormat.JSON : ReportFormat.TEXT;
        if (baseline) return writeBaseline(overrides, out);
        LintReport report;
        try {
            boolean wholeProject = paths == null || paths.isEmpty();
            report = (wholeProject ? global.project() : global.pilot()).lint(wholeProject ? List.of() : paths, overrides);
        } catch (PilotException e) {
            if (f != ReportFormat.TEXT && !global.json) {
                // A script asked for JSON/SARIF: it gets JSON naming the error (with --json, Main prints it).
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", e.getMessage());
                error.put("hint", e.hint());
                out.println(Render.json(Map.of("error", error)));
                out.flush();
            }
            throw e;
        }
        boolean color = dev.pgpilot.shell.repl.Tty.color(global.noColor);
        out.print(LintReports.render(report, f, color));
        out.flush();
        if (report.hasFailures()) {
            // The report is incomplete: "could not run", never "errors found" nor "clean".
            PrintWriter err = spec.commandLine().getErr();
            report.failures().forEach(x -> err.println("error: " + x.describe()));
            err.flush();
            return PilotException.ERROR;
        }
        return report.hasErrors() ? 1 : 0;
    }

    private int writeBaseline(Map<String, Severity> overrides, PrintWriter out) {
        if (paths != null && !paths.isEmpty()) {
            throw PilotException.error("--baseline takes no PATH", "run pgpilot lint --baseline in the project: it accepts the findings of every migration");
        }
        LintReport report = global.project().writeLintBaseline(overrides);
        String file = LintReports.BASELINE_FILE;
        if (global.json) {
            out.println(Render.json(Render.fields("baseline", file, "accepted", report.findings().size())));
        } else {
            out.println("accepted " + report.findings().size() + " finding(s) in " + file
                    + ": lint, up and Slack ignore them from now on; new findings still count. Commit the file.");
        }
        out.flush();
        return 0;
    }
}
