package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks made again before an approval counts and before it runs. */
final class Checks {
    private Checks() {}

    /** Everything that differs from what the approvers were shown, in words; empty when nothing does. */
    static List<String> differences(Approval a, ApprovalTarget now) {
        List<String> out = new ArrayList<>(a.snapshot().differences(now.snapshot()));
        for (ApprovedFile f : a.files()) {
            if (!f.sha256().equals(MigrationFile.checksum(f.sql()))) {
                out.add("the stored SQL of " + f.fileName() + " no longer matches its SHA-256");
            }
        }
        return out;
    }

    /** Lint with today's configuration and manifest: a rule turned into an error since the request still blocks. */
    static LintReport lintToday(Approval a, Pilot pilot) {
        LintReport lint;
        if (a.kind() == ApprovalKind.PLAN) {
            ApprovedFile f = a.files().get(0);
            lint = pilot.lintPlan(f.fileName(), f.sql());
        } else {
            Set<String> names = a.files().stream().map(ApprovedFile::fileName).collect(Collectors.toSet());
            lint = pilot.lint(pilot.migrations().stream()
                    .filter(m -> names.contains(m.path().getFileName().toString())).map(MigrationFile::path).toList());
        }
        lint.refuseIfFailed(); // an incomplete lint never lets an approval through
        return lint;
    }
}
