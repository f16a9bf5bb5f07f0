package dev.pgpilot.slack;

import dev.pgpilot.core.api.approval.Approval;
import dev.pgpilot.core.api.approval.ApprovedFile;
import dev.pgpilot.core.api.model.Finding;

/**
 * The whole of what an approval runs, as one SQL file attached in the approval's thread: every
 * migration in full with its SHA-256, then its lint findings and its down script as comments (so
 * running the file by mistake cannot run the way back). Messages only have room for a preview.
 */
final class FullSql {
    private FullSql() {}

    static String fileName(Approval a) {
        return "pgpilot-" + a.shortId() + ".sql";
    }

    static String text(Approval a) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- pgpilot approval ").append(a.id()).append('\n')
                .append("-- ").append(a.kind().dbValue()).append(" on ").append(a.environment()).append(" (").append(a.snapshot().target()).append(")\n")
                .append("-- requested by ").append(a.requestedBy()).append(" at ").append(a.requestedAt()).append(": ")
                .append(oneLine(a.requestText())).append('\n')
                .append("-- history when requested: ").append(a.snapshot().historyHead()).append('\n')
                .append("-- ").append(a.files().size()).append(" migration").append(a.files().size() == 1 ? "" : "s").append(" run, in this order\n");
        for (ApprovedFile f : a.files()) {
            sb.append("\n-- ==== ").append(f.fileName()).append("  sha256 ").append(f.sha256()).append('\n');
            sb.append(f.sql().endsWith("\n") ? f.sql() : f.sql() + "\n");
            lint(sb, a, f);
            sb.append("-- ---- down script of ").append(f.fileName()).append(f.downSql() == null ? ": none\n" : " (not run by this approval)\n");
            if (f.downSql() != null) {
                f.downSql().lines().forEach(l -> sb.append("-- ").append(l).append('\n'));
            }
        }
        return sb.toString();
    }

    private static void lint(StringBuilder sb, Approval a, ApprovedFile f) {
        var mine = a.findings().stream().filter(x -> x.file() != null && x.file().endsWith(f.fileName())).toList();
        sb.append("-- ---- lint of ").append(f.fileName()).append(mine.isEmpty() ? ": no findings\n" : ":\n");
        for (Finding x : mine) {
            sb.append("--   ").append(x.severity().label()).append(' ').append(x.ruleId()).append(" line ").append(x.line()).append(": ")
                    .append(oneLine(x.message())).append(x.fix() == null || x.fix().isBlank() ? "" : " (" + oneLine(x.fix()) + ")").append('\n');
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
    }
}
