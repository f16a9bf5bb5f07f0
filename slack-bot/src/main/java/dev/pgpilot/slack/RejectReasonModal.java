package dev.pgpilot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.approval.ApprovalRef;
import java.util.List;
import java.util.Map;

/**
 * The form the Reject button opens: one text field for the reason. The approval it rejects and
 * the click's {@code response_url} (where the rejecter is answered) travel in the view's
 * {@code private_metadata}, which Slack hands back unchanged with the submission.
 */
final class RejectReasonModal {
    static final String CALLBACK = "pgpilot_reject_reason";
    static final String BLOCK = "reason";
    static final String INPUT = "reason_input";
    /** Long enough to say what to change; the reason is shown in the message and the thread. */
    static final int REASON_LIMIT = 500;

    /** What a submission carries back: which approval, and where to answer the person who rejected it. */
    record Submitted(ApprovalRef ref, String responseUrl, String reason) {}

    private RejectReasonModal() {}

    static View view(ApprovalRef ref, String responseUrl) {
        String shortId = ref.id().substring(0, 8);
        return View.builder().type("modal").callbackId(CALLBACK)
                .title(ViewTitle.builder().type("plain_text").text("Reject request").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Reject").build())
                .close(ViewClose.builder().type("plain_text").text("Keep it pending").build())
                .privateMetadata(ref.encode() + "\n" + (responseUrl == null ? "" : responseUrl))
                .blocks(List.of(
                        Sections.text("Rejecting approval `" + shortId + "`. Nothing of it runs; the requester is told your reason in the request's thread."),
                        InputBlock.builder().blockId(BLOCK).label(plainText("Why is it rejected?"))
                                .hint(plainText("Say what to change, so the next request can be approved."))
                                .element(PlainTextInputElement.builder().actionId(INPUT).multiline(true).minLength(1).maxLength(REASON_LIMIT).build())
                                .build()))
                .build();
    }

    /** The submitted form read back; a form this bot did not open is refused. */
    static Submitted submitted(View view) {
        String meta = view == null ? null : view.getPrivateMetadata();
        String[] parts = meta == null ? new String[0] : meta.split("\n", 2);
        if (parts.length != 2) {
            throw PilotException.refused("this form does not belong to a pgpilot approval", "click Reject on the request again");
        }
        return new Submitted(ApprovalRef.decode(parts[0]), parts[1].isEmpty() ? null : parts[1], reason(view.getState()));
    }

    private static String reason(ViewState state) {
        Map<String, ViewState.Value> block = state == null || state.getValues() == null ? null : state.getValues().get(BLOCK);
        ViewState.Value v = block == null ? null : block.get(INPUT);
        return v == null || v.getValue() == null ? "" : v.getValue().strip();
    }
}
