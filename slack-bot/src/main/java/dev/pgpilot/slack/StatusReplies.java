package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.pgpilot.core.db.ApplyResult;
import dev.pgpilot.core.db.History;
import dev.pgpilot.core.db.StatusReport;
import java.util.ArrayList;
import java.util.List;

/** Renders core results (status, history, apply) as Slack text; no decisions are made here. */
final class StatusReplies {
    /** Slack messages get long fast: lists show this many items, then a count of the rest. */
    static final int LIST_LIMIT = 15;

    private StatusReplies() {}

    static List<LayoutBlock> status(String env, StatusReport r) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Blocks.text("*Status of `" + env + "`*: " + r.applied().size() + " applied · " + r.pending().size() + " pending · "
                + r.modified().size() + " modified · " + r.missing().size() + " missing"
                + (r.upToDate() ? "\n:white_check_mark: up to date" : "")));
        if (!r.pending().isEmpty()) {
            blocks.add(Blocks.text("*Pending*" + list(r.pending())
                    + (r.outOfOrder().isEmpty() ? "" : "\n_out of order:_ " + versions(r.outOfOrder()))));
        }
        if (!r.modified().isEmpty()) {
            blocks.add(Blocks.text("*Modified since applied* (blocks apply until restored or repaired)" + list(r.modified())));
        }
        if (!r.missing().isEmpty()) {
            blocks.add(Blocks.text("*Applied but no file*" + list(r.missing())));
        }
        return blocks;
    }

    private static String list(List<StatusReport.Entry> entries) {
        StringBuilder sb = new StringBuilder();
        entries.stream().limit(LIST_LIMIT).forEach(e -> sb.append("\n• `").append(e.version()).append("` ").append(e.name()));
        if (entries.size() > LIST_LIMIT) {
            sb.append("\n_… and ").append(entries.size() - LIST_LIMIT).append(" more_");
        }
        return sb.toString();
    }

    private static String versions(List<StatusReport.Entry> entries) {
        return String.join(", ", entries.stream().map(e -> "`" + e.version() + "`").toList());
    }

    /** The newest attempts first: that is what people ask about in a channel. */
    static List<LayoutBlock> history(String env, List<History.Entry> entries) {
        if (entries.isEmpty()) {
            return List.of(Blocks.text("*History of `" + env + "`*: nothing has run yet"));
        }
        StringBuilder sb = new StringBuilder("*History of `" + env + "`* (" + entries.size() + " attempt" + (entries.size() == 1 ? "" : "s")
                + (entries.size() > LIST_LIMIT ? ", newest " + LIST_LIMIT + " shown" : "") + ")");
        for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - LIST_LIMIT); i--) {
            History.Entry e = entries.get(i);
            sb.append("\n").append(e.success() ? ":white_check_mark:" : ":x:").append(" `").append(e.version()).append("` ")
                    .append(e.name()).append(" · ").append(e.direction()).append(" · ")
                    .append(e.appliedBy() == null ? "?" : e.appliedBy()).append(" via ").append(e.source() == null ? "?" : e.source())
                    .append(" · ").append(Blocks.when(e.startedAt())).append(" · ").append(e.executionMs()).append(" ms");
            if (!e.success() && e.error() != null) {
                sb.append("\n    _").append(e.error().lines().findFirst().orElse("")).append("_");
            }
        }
        return List.of(Blocks.text(sb.toString()));
    }

    /** What an apply request would run, for the approval message. */
    static String planned(ApplyResult dry) {
        StringBuilder sb = new StringBuilder("Will apply " + dry.planned().size() + " migration" + (dry.planned().size() == 1 ? "" : "s") + ":");
        dry.planned().stream().limit(LIST_LIMIT).forEach(p -> sb.append("\n• `").append(p.version()).append("` ").append(p.name())
                .append(p.outsideTransaction() ? " _(runs outside a transaction)_" : ""));
        if (dry.planned().size() > LIST_LIMIT) {
            sb.append("\n_… and ").append(dry.planned().size() - LIST_LIMIT).append(" more_");
        }
        dry.warnings().forEach(w -> sb.append("\n:warning: ").append(w));
        return sb.toString();
    }

    static String appliedLine(ApplyResult r) {
        return ":rocket: applied " + r.applied().size() + " migration" + (r.applied().size() == 1 ? "" : "s") + " on " + r.target();
    }

    static String appliedDetails(ApplyResult r) {
        StringBuilder sb = new StringBuilder(appliedLine(r));
        r.applied().forEach(a -> sb.append("\n• `").append(a.version()).append("` ").append(a.name()).append(" — ").append(a.millis()).append(" ms"));
        r.warnings().forEach(w -> sb.append("\n:warning: ").append(w));
        return sb.toString();
    }
}
