package dev.pgpilot.core.lint.run;

import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintFailure;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.ReportFormat;
import dev.pgpilot.core.lint.Rule;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.rules.Rules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link LintReport}: text for people ({@code file:line:col severity RULE message}, the
 * offending line, the fix), JSON for scripts, SARIF 2.1.0 for code-scanning UIs. Colour is the
 * caller's decision (only on a terminal, never with --no-color or NO_COLOR).
 */
public final class ReportWriter {
    /** Created on first JSON/SARIF report only: building a mapper costs more start-up time than a text report. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
    private static final String RESET = "\u001b[0m";

    private ReportWriter() {}

    public static String render(LintReport report, ReportFormat format, boolean color) {
        return switch (format) {
            case TEXT -> text(report, color);
            case JSON -> write(json(report));
            case SARIF -> write(sarif(report));
        };
    }

    public static String text(LintReport report, boolean color) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            String sev = f.severity().label();
            if (color) sev = colorOf(f.severity()) + sev + RESET;
            b.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(' ')
                    .append(sev).append(' ').append(f.ruleId()).append(' ').append(f.message()).append('\n');
            if (!f.excerpt().isBlank()) {
                b.append(String.format("%6d | %s%n", f.line(), f.excerpt().stripTrailing()));
            }
            b.append("       fix: ").append(f.fix()).append('\n');
        }
        for (LintFailure f : report.failures()) {
            b.append("internal error: ").append(f.describe()).append('\n');
        }
        b.append(summary(report)).append('\n');
        return b.toString();
    }

    public static String summary(LintReport r) {
        return r.count(Severity.ERROR) + " error(s), " + r.count(Severity.WARNING) + " warning(s), "
                + r.count(Severity.INFO) + " info in " + r.filesChecked() + " file(s)"
                + (r.baselined() > 0 ? " (" + r.baselined() + " more accepted in " + LintBaseline.FILE_NAME + ")" : "")
                + (r.hasFailures() ? "; the linter failed on " + r.failures().size() + " rule/file pair(s), so the report is incomplete" : "");
    }

    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            default -> "\u001b[36m";
        };
    }

    public static Map<String, Object> json(LintReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", r.filesChecked());
        root.put("errors", r.count(Severity.ERROR));
        root.put("warnings", r.count(Severity.WARNING));
        root.put("infos", r.count(Severity.INFO));
        if (r.baselined() > 0) root.put("baselined", r.baselined());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", f.severity().label());
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("column", f.column());
            m.put("message", f.message());
            m.put("fix", f.fix());
            m.put("why", f.why());
            list.add(m);
        }
        root.put("findings", list);
        root.put("failures", failures(r));
        return root;
    }

    private static List<Map<String, Object>> failures(LintReport r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LintFailure f : r.failures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("file", f.file());
            m.put("error", f.error());
            m.put("message", f.describe());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> sarif(LintReport r) {
        List<String> ruleIds = new ArrayList<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (ruleIds.contains(f.ruleId())) continue;
            ruleIds.add(f.ruleId());
            Rule rule = Rules.byId(f.ruleId());
            rules.add(Map.of(
                    "id", f.ruleId(),
                    "shortDescription", Map.of("text", f.ruleId()),
                    "fullDescription", Map.of("text", f.why()),
                    "help", Map.of("text", f.fix()),
                    "defaultConfiguration", Map.of("level", level(rule == null ? Severity.WARNING : rule.defaultSeverity()))));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> region = Map.of("startLine", f.line(), "startColumn", f.column());
            Map<String, Object> location = Map.of("physicalLocation",
                    Map.of("artifactLocation", Map.of("uri", f.file().replace('\\', '/')), "region", region));
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("ruleId", f.ruleId());
            res.put("ruleIndex", ruleIds.indexOf(f.ruleId()));
            res.put("level", level(f.severity()));
            res.put("message", Map.of("text", f.message()));
            res.put("locations", List.of(location));
            results.add(res);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "pgpilot");
        driver.put("version", "0.1.0");
        driver.put("informationUri", "https://github.com/pgpilot/pgpilot");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (LintFailure f : r.failures()) {
            notes.add(Map.of("level", "error", "message", Map.of("text", f.describe()),
                    "locations", List.of(Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", f.file().replace('\\', '/')))))));
        }
        run.put("invocations", List.of(Map.of("executionSuccessful", !r.hasFailures(), "toolExecutionNotifications", notes)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return root;
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    private static String write(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
