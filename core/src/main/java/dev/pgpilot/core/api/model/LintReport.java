package dev.pgpilot.core.api.model;

import dev.pgpilot.core.PilotException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Findings of one lint run, ordered by file, line, column and rule, and the files the linter failed
 * on ({@link LintFailure}: a pgpilot bug, which makes the run "could not run", never "clean").
 * {@code baselined} counts the findings left out because the project's {@code lint.run.LintBaseline} accepts them.
 */
public record LintReport(List<Finding> findings, int filesChecked, List<LintFailure> failures, int baselined) {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::ruleId);

    public LintReport {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        findings = List.copyOf(sorted);
        failures = List.copyOf(failures);
    }

    public LintReport(List<Finding> findings, int filesChecked, List<LintFailure> failures) {
        this(findings, filesChecked, failures, 0);
    }

    public LintReport(List<Finding> findings, int filesChecked) {
        this(findings, filesChecked, List.of());
    }

    public static LintReport merge(List<LintReport> parts) {
        List<Finding> all = new ArrayList<>();
        List<LintFailure> failed = new ArrayList<>();
        int files = 0;
        int baselined = 0;
        for (LintReport p : parts) {
            all.addAll(p.findings());
            failed.addAll(p.failures());
            files += p.filesChecked();
            baselined += p.baselined();
        }
        return new LintReport(all, files, failed, baselined);
    }

    /** True when a rule or the linter failed on some file: the report is incomplete. */
    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    /**
     * For the gates that must not go on with an incomplete lint ({@code up}, {@code new}, Slack):
     * the failures as one exit-2 error naming each rule and file.
     */
    public void refuseIfFailed() {
        if (failures.isEmpty()) return;
        throw PilotException.error(failures.stream().map(LintFailure::describe)
                        .collect(Collectors.joining("\n  ")),
                "nothing was run; lint the file alone with pgpilot lint to see it, and report the bug");
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
