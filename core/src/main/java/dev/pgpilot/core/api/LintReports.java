package dev.pgpilot.core.api;

import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.ReportFormat;
import dev.pgpilot.core.api.model.Severity;
import dev.pgpilot.core.lint.rules.Rules;
import dev.pgpilot.core.lint.run.LintBaseline;
import dev.pgpilot.core.lint.run.Linter;
import dev.pgpilot.core.lint.run.ReportWriter;
import java.util.List;
import java.util.Map;

/** Lint as the front ends show it: reports in their formats, the rules, and the words of {@code --rule}. */
public final class LintReports {
    /** Where {@code lint --baseline} keeps the accepted findings, next to pgpilot.yaml. */
    public static final String BASELINE_FILE = LintBaseline.FILE_NAME;

    private LintReports() {}

    /** One rule as {@code lint --list-rules} prints it. */
    public record RuleInfo(String id, Severity defaultSeverity, String why) {}

    public static List<RuleInfo> rules() {
        return Rules.all().stream().map(r -> new RuleInfo(r.id(), r.defaultSeverity(), r.why())).toList();
    }

    /** {@code ID=SEVERITY}, refused naming the rule or severity not understood. */
    public static Map.Entry<String, Severity> parseOverride(String text) {
        return Linter.parseOverride(text);
    }

    public static String render(LintReport report, ReportFormat format, boolean color) {
        return ReportWriter.render(report, format, color);
    }

    /** The text report: findings with their file and line, then the summary. */
    public static String text(LintReport report, boolean color) {
        return ReportWriter.text(report, color);
    }

    /** The JSON report as a map, to embed in a command's own JSON. */
    public static Map<String, Object> json(LintReport report) {
        return ReportWriter.json(report);
    }
}
