package dev.pgpilot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.pgpilot.core.api.approval.Approval;
import dev.pgpilot.core.api.approval.ApprovalKind;
import dev.pgpilot.core.api.approval.ApprovalRef;
import dev.pgpilot.core.api.approval.ApprovedFile;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.api.SqlStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channel message of one approval, drawn from the stored row alone: what will run (a preview;
 * the whole SQL is attached in the thread), lint, the way back, and a footer for its state — the
 * buttons and the approvers while pending, who decided and how it ended afterwards.
 */
final class ApprovalMessages {
    static final String APPROVE = "pgpilot_approve";
    static final String REJECT = "pgpilot_reject";
    /** Files listed by name in an apply request before "… and N more". */
    static final int FILES_LISTED = 15;

    private ApprovalMessages() {}

    /** One-line text for notifications and clients without Block Kit. */
    static String summary(Approval a) {
        String what = a.kind() == ApprovalKind.PLAN ? "plan for " + a.environment() + ": " + Mrkdwn.escape(a.requestText())
                : "apply " + Mrkdwn.escape(a.requestText()) + " on " + a.environment();
        return "pgpilot " + what + " [" + a.status().dbValue() + "]";
    }

    /** The message as it should look now: body, then the footer of the approval's state. */
    static List<LayoutBlock> render(Approval a, ApprovalRef ref, Set<String> approvers) {
        List<LayoutBlock> blocks = new ArrayList<>(body(a));
        switch (a.status()) {
            case PENDING -> {
                blocks.add(Sections.text(approvers.isEmpty() ? ":no_entry: Nobody is allowed to approve changes on `" + a.environment() + "`"
                        : "Needs approval from " + approvers.stream().map(Mrkdwn::user).collect(Collectors.joining(", "))
                        + " · expires " + Mrkdwn.when(a.expiresAt())));
                blocks.add(ActionsBlock.builder().blockId("pgpilot_decision_" + a.shortId()).elements(List.of(
                        ButtonElement.builder().actionId(APPROVE).text(plainText("Approve")).style("primary").value(ref.encode()).build(),
                        ButtonElement.builder().actionId(REJECT).text(plainText("Reject")).style("danger").value(ref.encode()).build()))
                        .build());
            }
            case APPROVED -> blocks.add(Sections.text(decided(a, ":white_check_mark: Approved") + "\n:hourglass_flowing_sand: applying…"));
            case APPLIED -> blocks.add(Sections.text(decided(a, ":white_check_mark: Approved") + "\n:rocket: " + Mrkdwn.escape(a.outcome())));
            case FAILED -> blocks.add(Sections.text(decided(a, ":white_check_mark: Approved") + "\n:x: " + Mrkdwn.escape(a.outcome())));
            case INTERRUPTED -> blocks.add(Sections.text(decided(a, ":white_check_mark: Approved") + "\n:warning: " + Mrkdwn.escape(a.outcome())));
            case REJECTED -> blocks.add(Sections.text(decided(a, ":no_entry: Rejected") + (a.reason() == null ? "" : " — " + Mrkdwn.escape(a.reason()))
                    + "\nNothing was applied."));
            case CANCELLED -> blocks.add(Sections.text(decided(a, ":wastebasket: Cancelled") + "\nNothing was applied."));
            case EXPIRED -> blocks.add(Sections.text(":hourglass: Expired " + Mrkdwn.when(a.expiresAt())
                    + " before anyone approved it. Nothing was applied."));
            case STALE -> blocks.add(Sections.text(":warning: *Changed since it was shown* — "
                    + Mrkdwn.escape(a.outcome() != null ? a.outcome() : a.reason())
                    + "\nNothing ran. A fresh request for the same change follows in the channel."));
        }
        return blocks;
    }

    private static String decided(Approval a, String verb) {
        return verb + " by " + Mrkdwn.user(a.decidedBy()) + " " + Mrkdwn.when(a.decidedAt());
    }

    private static List<LayoutBlock> body(Approval a) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String where = " the whole SQL with its lint findings and down script is attached in the thread as `" + FullSql.fileName(a) + "`";
        if (a.kind() == ApprovalKind.PLAN) {
            ApprovedFile f = a.files().get(0);
            blocks.add(Sections.text("*Planned migration for `" + a.environment() + "`* requested by " + Mrkdwn.user(a.requestedBy())
                    + "\n>" + Mrkdwn.escape(a.requestText()).replace("\n", "\n>") + "\n" + Mrkdwn.code(f.fileName())));
            blocks.add(Sections.text(Sections.code(f.sql(), where)));
            blocks.add(Sections.text(LintText.section(new LintReport(a.findings(), 1))));
            blocks.add(Sections.text(downSummary(f.downSql())));
        } else {
            blocks.add(Sections.text("*Apply " + Mrkdwn.code(a.requestText()) + " on `" + a.environment() + "`* requested by "
                    + Mrkdwn.user(a.requestedBy()) + "\n" + fileList(a)));
            String sql = a.files().stream().map(f -> "-- " + f.fileName() + "\n" + f.sql().strip()).collect(Collectors.joining("\n\n"));
            blocks.add(Sections.text(Sections.code(sql, where)));
            blocks.add(Sections.text(LintText.section(new LintReport(a.findings(), a.files().size()))));
        }
        blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text("approval `" + a.shortId() + "` · "
                + Mrkdwn.escape(a.snapshot().target()) + " · " + Mrkdwn.escape(a.snapshot().historyHead())).build())).build());
        return blocks;
    }

    private static String fileList(Approval a) {
        StringBuilder sb = new StringBuilder("Will apply " + a.files().size() + " migration" + (a.files().size() == 1 ? "" : "s") + ", in this order:");
        a.files().stream().limit(FILES_LISTED).forEach(f -> sb.append("\n• ").append(Mrkdwn.code(f.fileName()))
                .append(" sha256 `").append(f.sha256(), 0, 12).append('`'));
        if (a.files().size() > FILES_LISTED) {
            sb.append("\n_… and ").append(a.files().size() - FILES_LISTED).append(" more, every one in the attached file_");
        }
        return sb.toString();
    }

    /** What the down script undoes, one statement per line, so reviewers see the way back exists. */
    static String downSummary(String downSql) {
        if (downSql == null || downSql.isBlank()) {
            return "*Down script:* none — this change cannot be rolled back";
        }
        List<String> statements = SqlStatements.of(downSql);
        if (statements.isEmpty()) {
            return "*Down script:* empty — this change cannot be rolled back";
        }
        StringBuilder sb = new StringBuilder("*Down script:* " + statements.size() + " statement" + (statements.size() == 1 ? "" : "s"));
        int shown = Math.min(statements.size(), 6);
        for (int i = 0; i < shown; i++) {
            String s = statements.get(i).strip().replaceAll("\\s+", " ");
            sb.append("\n• ").append(Mrkdwn.code(s.length() > 90 ? s.substring(0, 89) + "…" : s));
        }
        if (statements.size() > shown) {
            sb.append("\n_… and ").append(statements.size() - shown).append(" more, in the attached file_");
        }
        return sb.toString();
    }
}
