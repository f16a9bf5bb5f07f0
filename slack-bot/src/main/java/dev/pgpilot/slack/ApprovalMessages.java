package dev.pgpilot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.pgpilot.core.approval.Approval;
import dev.pgpilot.core.approval.ApprovalKind;
import dev.pgpilot.core.approval.ApprovalStatus;
import dev.pgpilot.core.sql.SqlScript;
import dev.pgpilot.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/** The channel message of one approval: the request with buttons, then who decided and how it ended. */
final class ApprovalMessages {
    static final String APPROVE = "pgpilot_approve";
    static final String REJECT = "pgpilot_reject";

    private ApprovalMessages() {}

    /** One-line text for notifications and clients without Block Kit. */
    static String summary(Approval a) {
        return switch (a.kind()) {
            case PLAN -> "pgpilot plan for " + a.environment() + ": " + Blocks.escape(a.requestText()) + " [" + a.status().dbValue() + "]";
            case APPLY -> "pgpilot apply " + a.version() + " on " + a.environment() + " [" + a.status().dbValue() + "]";
        };
    }

    /** The request as first posted: what would run, lint, down script, and the two buttons. */
    static List<LayoutBlock> request(Approval a, ApprovalRef ref) {
        List<LayoutBlock> blocks = new ArrayList<>(body(a));
        blocks.add(ActionsBlock.builder().blockId("pgpilot_decision_" + a.id()).elements(List.of(
                ButtonElement.builder().actionId(APPROVE).text(plainText("Approve")).style("primary").value(ref.encode()).build(),
                ButtonElement.builder().actionId(REJECT).text(plainText("Reject")).style("danger").value(ref.encode()).build()))
                .build());
        return blocks;
    }

    /** The same message after the decision: buttons gone, who decided and when, and the outcome. */
    static List<LayoutBlock> decided(Approval a, String outcome) {
        List<LayoutBlock> blocks = new ArrayList<>(body(a));
        String verb = a.status() == ApprovalStatus.REJECTED ? "Rejected" : "Approved";
        String line = (a.status() == ApprovalStatus.REJECTED ? ":no_entry: " : ":white_check_mark: ") + verb + " by "
                + Blocks.user(a.decidedBy()) + " " + Blocks.when(a.decidedAt())
                + (a.reason() != null && a.status() == ApprovalStatus.REJECTED ? " — " + a.reason() : "");
        blocks.add(Blocks.text(line + (outcome == null ? "" : "\n" + outcome)));
        return blocks;
    }

    private static List<LayoutBlock> body(Approval a) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (a.kind() == ApprovalKind.PLAN) {
            blocks.add(Blocks.text("*Planned migration for `" + a.environment() + "`* requested by " + Blocks.user(a.requestedBy())
                    + "\n>" + Blocks.escape(a.requestText()) + "\n`" + a.fileName() + "`"));
            blocks.add(Blocks.text(Blocks.code(a.planSql(), "the whole file is written as " + a.fileName() + " once approved")));
            if (a.details() != null && !a.details().isBlank()) {
                blocks.add(Blocks.text(a.details()));
            }
            blocks.add(Blocks.text(downSummary(a.downSql())));
        } else {
            blocks.add(Blocks.text("*Apply `" + a.version() + "` on `" + a.environment() + "`* requested by " + Blocks.user(a.requestedBy())
                    + (a.details() == null || a.details().isBlank() ? "" : "\n" + a.details())));
        }
        blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text("approval #" + a.id() + (a.checksum() == null ? "" : " · sha256 " + a.checksum().substring(0, 12))).build())).build());
        return blocks;
    }

    /** What the down script undoes, one statement per line, so reviewers see the way back exists. */
    static String downSummary(String downSql) {
        if (downSql == null || downSql.isBlank()) {
            return "*Down script:* none — this change cannot be rolled back with `pgpilot down`";
        }
        List<SqlStatement> statements = SqlScript.parse(downSql).statements();
        if (statements.isEmpty()) {
            return "*Down script:* empty — this change cannot be rolled back with `pgpilot down`";
        }
        StringBuilder sb = new StringBuilder("*Down script:* " + statements.size() + " statement" + (statements.size() == 1 ? "" : "s"));
        int shown = Math.min(statements.size(), 6);
        for (int i = 0; i < shown; i++) {
            String s = statements.get(i).sql().strip().replaceAll("\\s+", " ");
            sb.append("\n• `").append(s.length() > 90 ? s.substring(0, 89) + "…" : s).append('`');
        }
        if (statements.size() > shown) {
            sb.append("\n_… and ").append(statements.size() - shown).append(" more_");
        }
        return sb.toString();
    }
}
