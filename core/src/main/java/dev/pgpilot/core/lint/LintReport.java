package dev.pgpilot.core.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Findings of one lint run, ordered by file, line, column and rule. */
public record LintReport(List<Finding> findings, int filesChecked) {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::ruleId);

    public LintReport {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        findings = List.copyOf(sorted);
    }

    public static LintReport merge(List<LintReport> parts) {
        List<Finding> all = new ArrayList<>();
        int files = 0;
        for (LintReport p : parts) {
            all.addAll(p.findings());
            files += p.filesChecked();
        }
        return new LintReport(all, files);
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
