package dev.pgpilot.slack;

import dev.pgpilot.core.api.approval.Approval;
import dev.pgpilot.core.api.model.Finding;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.model.Severity;
import java.util.List;

/** Lint findings as Slack text: the section of an approval message, and the refusal when they include errors. */
final class LintText {
    /** Findings listed before "… and N more": errors first, so they are never the ones left out. */
    static final int SHOWN = 8;

    private LintText() {}

    /** "Lint: no findings", or counts by severity and one line per finding (errors first). */
    static String section(LintReport report) {
        List<Finding> visible = report.findings().stream().filter(f -> f.severity() != Severity.OFF)
                .sorted(java.util.Comparator.comparing((Finding f) -> f.severity()).reversed()).toList();
        if (visible.isEmpty()) {
            return "*Lint:* no findings";
        }
        StringBuilder sb = new StringBuilder("*Lint:* " + counts(report));
        visible.stream().limit(SHOWN).forEach(f -> sb.append('\n').append(line(f)));
        if (visible.size() > SHOWN) {
            sb.append("\n_… and ").append(visible.size() - SHOWN).append(" more, every one in the attached file_");
        }
        if (report.hasErrors()) {
            sb.append("\n:no_entry: *Approving is refused while the plan has lint errors*: nothing will be written or applied.");
        }
        return sb.toString();
    }

    /** The thread reply to an Approve click on a request whose lint has errors today. */
    static String refusal(Approval a, LintReport report) {
        List<Finding> errors = report.errors();
        StringBuilder sb = new StringBuilder(":no_entry: Not approved: " + a.kind().dbValue() + " `" + a.shortId() + "` has "
                + errors.size() + " lint error" + (errors.size() == 1 ? "" : "s") + "; nothing was written or applied.");
        errors.stream().limit(SHOWN).forEach(f -> sb.append('\n').append(line(f)));
        if (errors.size() > SHOWN) {
            sb.append("\n_… and ").append(errors.size() - SHOWN).append(" more_");
        }
        sb.append("\n_hint:_ reject it and ask for the change another way, or fix the migration in the repository and ask for"
                + " `/pgpilot apply &lt;version&gt;`; a rule's severity can be changed under `lint:` in pgpilot.yaml");
        return sb.toString();
    }

    static String counts(LintReport report) {
        StringBuilder sb = new StringBuilder();
        for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.INFO}) {
            long n = report.count(s);
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : " · ").append(n).append(' ').append(s.label()).append(n == 1 ? "" : "s");
            }
        }
        return sb.toString();
    }

    /** One finding: severity, rule, line, what is wrong and what to do instead. */
    static String line(Finding f) {
        String icon = switch (f.severity()) {
            case ERROR -> ":x:";
            case WARNING -> ":warning:";
            default -> ":information_source:";
        };
        return "• " + icon + " " + Mrkdwn.code(f.ruleId()) + " line " + f.line() + ": " + Mrkdwn.escape(f.message())
                + (f.fix() == null || f.fix().isBlank() ? "" : " — _" + Mrkdwn.escape(f.fix()) + "_");
    }
}
