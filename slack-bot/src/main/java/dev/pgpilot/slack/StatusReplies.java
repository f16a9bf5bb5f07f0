package dev.pgpilot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.pgpilot.core.api.approval.Approval;
import dev.pgpilot.core.api.approval.ApprovalKind;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.HistoryEntry;
import dev.pgpilot.core.api.model.StatusReport;
import java.util.ArrayList;
import java.util.List;

/** Renders core results (status, history, pending, apply) as Slack text; no decisions are made here. */
final class StatusReplies {
    /** Slack messages get long fast: lists show this many items, then a count of the rest. */
    static final int LIST_LIMIT = 15;

    private StatusReplies() {}

    static List<LayoutBlock> status(String env, StatusReport r) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Sections.text("*Status of `" + Mrkdwn.escape(env) + "`*: " + r.applied().size() + " applied · " + r.pending().size() + " pending · "
                + r.modified().size() + " modified · " + r.missing().size() + " missing"
                + (r.upToDate() ? "\n:white_check_mark: up to date" : "")));
        if (!r.pending().isEmpty()) {
            blocks.add(Sections.text("*Pending*" + list(r.pending())
                    + (r.outOfOrder().isEmpty() ? "" : "\n_out of order:_ " + versions(r.outOfOrder()))));
        }
        if (!r.modified().isEmpty()) {
            blocks.add(Sections.text("*Modified since applied* (blocks apply until restored or repaired)" + list(r.modified())));
        }
        if (!r.missing().isEmpty()) {
            blocks.add(Sections.text("*Applied but no file*" + list(r.missing())));
        }
        return blocks;
    }

    private static String list(List<StatusReport.Entry> entries) {
        StringBuilder sb = new StringBuilder();
        entries.stream().limit(LIST_LIMIT).forEach(e -> sb.append("\n• ").append(Mrkdwn.code(e.version())).append(' ').append(Mrkdwn.escape(e.name())));
        if (entries.size() > LIST_LIMIT) {
            sb.append("\n_… and ").append(entries.size() - LIST_LIMIT).append(" more_");
        }
        return sb.toString();
    }

    private static String versions(List<StatusReport.Entry> entries) {
        return String.join(", ", entries.stream().map(e -> Mrkdwn.code(e.version())).toList());
    }

    /** The newest attempts first: that is what people ask about in a channel. */
    static List<LayoutBlock> history(String env, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return List.of(Sections.text("*History of `" + Mrkdwn.escape(env) + "`*: nothing has run yet"));
        }
        StringBuilder sb = new StringBuilder("*History of `" + Mrkdwn.escape(env) + "`* (" + entries.size() + " attempt" + (entries.size() == 1 ? "" : "s")
                + (entries.size() > LIST_LIMIT ? ", newest " + LIST_LIMIT + " shown" : "") + ")");
        for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - LIST_LIMIT); i--) {
            HistoryEntry e = entries.get(i);
            sb.append("\n").append(e.success() ? ":white_check_mark:" : ":x:").append(' ').append(Mrkdwn.code(e.version())).append(' ')
                    .append(Mrkdwn.escape(e.name())).append(" · ").append(e.direction()).append(" · ")
                    .append(Mrkdwn.escape(e.appliedBy() == null ? "?" : e.appliedBy())).append(" via ")
                    .append(Mrkdwn.escape(e.source() == null ? "?" : e.source()))
                    .append(" · ").append(Mrkdwn.when(e.startedAt())).append(" · ").append(e.executionMs()).append(" ms");
            if (!e.success() && e.error() != null) {
                sb.append("\n    _").append(Mrkdwn.escape(e.error().lines().findFirst().orElse(""))).append("_");
            }
        }
        return List.of(Sections.text(sb.toString()));
    }

    /** {@code /pgpilot pending}: each open request with its id, so it can be cancelled or rejected by typing. */
    static List<LayoutBlock> pending(String env, List<Approval> open) {
        if (open.isEmpty()) {
            return List.of(Sections.text("*Pending on `" + Mrkdwn.escape(env) + "`*: no request is waiting for a decision"));
        }
        StringBuilder sb = new StringBuilder("*Pending on `" + Mrkdwn.escape(env) + "`* (" + open.size() + ")");
        open.stream().limit(LIST_LIMIT).forEach(a -> sb.append("\n• `").append(a.shortId()).append("` ")
                .append(a.kind() == ApprovalKind.PLAN ? "plan “" + Mrkdwn.escape(a.requestText()) + "”" : "apply " + Mrkdwn.code(a.requestText()))
                .append(" by ").append(Mrkdwn.user(a.requestedBy())).append(" · expires ").append(Mrkdwn.when(a.expiresAt())));
        if (open.size() > LIST_LIMIT) {
            sb.append("\n_… and ").append(open.size() - LIST_LIMIT).append(" more_");
        }
        return List.of(Sections.text(sb.toString()));
    }

    /** What an approved run applied, for its thread. */
    static String appliedDetails(ApplyResult r) {
        StringBuilder sb = new StringBuilder("applied " + r.applied().size() + " migration" + (r.applied().size() == 1 ? "" : "s") + " on " + r.target());
        r.applied().stream().limit(LIST_LIMIT).forEach(a -> sb.append("\n• ").append(a.version()).append(' ').append(a.name())
                .append(" — ").append(a.millis()).append(" ms"));
        if (r.applied().size() > LIST_LIMIT) {
            sb.append("\n… and ").append(r.applied().size() - LIST_LIMIT).append(" more");
        }
        r.warnings().forEach(w -> sb.append("\n").append(w));
        return sb.toString();
    }
}
