package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.pgpilot.core.Golden;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reject asks why: the button opens a form (views.open with the click's trigger id), the reason
 * comes back in a signed view_submission, and it reaches the message, the requester in the thread
 * and the stored record. Nothing is rejected before the form is submitted, and nothing ever runs.
 */
class RejectWithReasonTest {
    private BotHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new BotHarness();
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private long pending() throws Exception {
        return h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending'");
    }

    private long migrationFiles() throws Exception {
        try (Stream<java.nio.file.Path> s = Files.walk(h.workdir.resolve("supabase/migrations"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private SlackApiStub.Call formOpened(String value, String user, String responseName) throws Exception {
        String trigger = "trigger-reject-" + responseName;
        assertEquals(200, h.click(ApprovalMessages.REJECT, value, user, "1700000000.000001", responseName, trigger).statusCode());
        SlackApiStub.Call open = h.slack.await("the reason form", c -> c.method().equals("views.open") && trigger.equals(c.params().get("trigger_id")));
        assertEquals(1, pending(), "opening the form decides nothing");
        return open;
    }

    @Test
    void rejectOpensAFormAndTheReasonReachesTheMessageTheRequesterAndTheRecordAndNothingRuns() throws Exception {
        String value = BotHarness.buttonValue(h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan"));
        SlackApiStub.Call open = formOpened(value, BotHarness.APPROVER, "reject");
        String view = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(JsonParser.parseString(open.params().get("view")));
        Golden.assertMatches("slack/reject_reason_modal.json", MessageTextTest.normalised("[" + view + "]").replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>"));

        String reason = "use a view instead & don't <!channel> for this";
        HttpResponse<String> submitted = h.submitRejectReason(open, BotHarness.APPROVER, reason);
        assertEquals(200, submitted.statusCode());
        assertFalse(submitted.body().contains("errors"), "the form closes: " + submitted.body());

        SlackApiStub.Call update = h.slack.await("the message marked rejected", c -> c.method().equals("chat.update") && c.shown().contains("Rejected by"));
        assertTrue(update.shown().contains("Rejected by <@UAPPROVER>"), update.shown());
        assertTrue(update.shown().contains("use a view instead &amp; don't &lt;!channel&gt; for this"), "the reason, escaped: " + update.shown());
        assertFalse(update.shown().contains("pgpilot_approve"), "no buttons left");
        Golden.assertMatches("slack/plan_rejected_with_a_reason.json", MessageTextTest.normalised(update.params().get("blocks")));
        SlackApiStub.Call thread = h.slack.await("the requester told in the thread", c -> c.inThread() && c.shown().contains("*rejected*"));
        assertTrue(thread.shown().contains("<@UREQUESTER>") && thread.shown().contains("use a view instead &amp; don't &lt;!channel&gt;"), thread.shown());
        assertFalse(h.slack.calls().stream().anyMatch(c -> c.shown().contains("<!channel>")), "no channel ping anywhere");

        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'rejected' AND decided_by = 'UAPPROVER' AND reason = "
                + "'use a view instead & don''t <!channel> for this'"), "stored as typed");
        assertEquals(0, migrationFiles());
        assertEquals(0, h.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'notes'"));
    }

    @Test
    void anEmptyReasonKeepsTheFormOpenWithANoteAndRejectsNothing() throws Exception {
        String value = BotHarness.buttonValue(h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan"));
        SlackApiStub.Call open = formOpened(value, BotHarness.APPROVER, "reject");
        HttpResponse<String> submitted = h.submitRejectReason(open, BotHarness.APPROVER, "   ");
        assertEquals(200, submitted.statusCode());
        assertTrue(submitted.body().contains("\"response_action\":\"errors\"") && submitted.body().contains("say why it is rejected"), submitted.body());
        Thread.sleep(500); // a rejection, had it been queued, would have updated the message by now
        assertEquals(1, pending());
        assertTrue(h.slack.calls("chat.update").isEmpty());
    }

    @Test
    void aStrangersReasonIsRefusedToThemAloneAndTheRequestStaysPending() throws Exception {
        String value = BotHarness.buttonValue(h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan"));
        SlackApiStub.Call open = formOpened(value, BotHarness.STRANGER, "stranger");
        h.submitRejectReason(open, BotHarness.STRANGER, "I just don't like it");
        SlackApiStub.Call refusal = h.slack.await("the refusal, through the click's response_url", c -> c.path().equals("/response/stranger"));
        assertTrue(refusal.body().contains("you are not an approver for staging") && refusal.body().contains("\"response_type\":\"ephemeral\""),
                refusal.body());
        assertEquals(1, pending());
        assertTrue(h.slack.calls("chat.update").isEmpty());
    }

    @Test
    void whenSlackWillNotOpenTheFormTheRejecterIsToldHowToTypeItAndTheTypedRejectionWorks() throws Exception {
        h.slack.refuseModals = true;
        String value = BotHarness.buttonValue(h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan"));
        String shortId = value.substring(0, 8);
        h.click(ApprovalMessages.REJECT, value, BotHarness.APPROVER, "1700000000.000001", "reject");
        SlackApiStub.Call told = h.slack.await("what to do instead", c -> c.path().equals("/response/reject"));
        assertTrue(told.shown().contains("could not open the form for a reason, so nothing was rejected")
                && told.shown().contains("/pgpilot reject " + shortId + " &lt;reason&gt;"), told.shown());
        assertEquals(1, pending());

        h.command("reject " + shortId + " too risky on a Friday", BotHarness.APPROVER, "typed");
        SlackApiStub.Call update = h.slack.await("the message marked rejected", c -> c.method().equals("chat.update") && c.shown().contains("Rejected by"));
        assertTrue(update.shown().contains("too risky on a Friday"), update.shown());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'rejected' AND reason = 'too risky on a Friday'"));
    }
}
