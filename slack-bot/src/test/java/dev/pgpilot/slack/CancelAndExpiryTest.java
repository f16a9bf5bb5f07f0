package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that end without running: withdrawn with {@code /pgpilot cancel}, or left undecided
 * until they expire. Each time the message says so, the requester is told in its thread, and a
 * later Approve runs nothing.
 */
class CancelAndExpiryTest {
    private BotHarness h;

    @AfterEach
    void stop() {
        h.close();
    }

    private BotHarness harness(Duration ttl) throws Exception {
        h = new BotHarness(BotHarness.STAGING_YAML, null, Map.of("STAGING_DATABASE_URL", BotHarness.STAGING_URL), null, ttl);
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
        return h;
    }

    private long notesOrSummary() throws Exception {
        return h.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name IN ('notes', 'summary')");
    }

    @Test
    void theRequesterCancelsByIdSomeoneElseCannotAndALaterApproveRunsNothing() throws Exception {
        harness(Duration.ofHours(24));
        String value = BotHarness.buttonValue(h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan"));
        String shortId = value.substring(0, 8);

        h.command("cancel " + shortId, BotHarness.STRANGER, "stranger");
        SlackApiStub.Call refused = h.slack.await("the stranger's refusal", c -> c.path().equals("/response/stranger") && c.body().contains(":warning:"));
        assertTrue(refused.body().contains("only the requester or an approver can cancel it"), refused.body());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending'"));

        h.command("cancel " + shortId, BotHarness.REQUESTER, "cancel");
        SlackApiStub.Call update = h.slack.await("the message marked cancelled", c -> c.method().equals("chat.update") && c.shown().contains("Cancelled by"));
        assertTrue(update.shown().contains("Cancelled by <@UREQUESTER>") && update.shown().contains("Nothing was applied"), update.shown());
        assertFalse(update.shown().contains("pgpilot_approve"), "no buttons left");
        Golden.assertMatches("slack/plan_cancelled.json", MessageTextTest.normalised(update.params().get("blocks")));
        SlackApiStub.Call thread = h.slack.await("the thread told", c -> c.inThread() && c.shown().contains("*cancelled*"));
        assertTrue(thread.shown().contains("<@UREQUESTER> approval `" + shortId + "` is *cancelled*"), thread.shown());

        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, "1700000000.000001", "late");
        SlackApiStub.Call late = h.slack.await("the late click's answer", c -> c.path().equals("/response/late"));
        assertTrue(late.body().contains("already decided: cancelled"), late.body());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'cancelled' AND decided_by = 'UREQUESTER'"));
        assertEquals(0, notesOrSummary());
    }

    @Test
    void requestsNobodyDecidesExpireOnceTheirRequesterIsToldAndApproveAfterwardsRunsNothing() throws Exception {
        harness(Duration.ofSeconds(3));
        String clicked = BotHarness.buttonValue(h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "notes"));
        h.slack.await("the first request's SQL attached", c -> c.method().equals("files.completeUploadExternal"));
        String swept = BotHarness.buttonValue(h.requestPosted("plan add summary text to events", BotHarness.REQUESTER, "summary"));
        long deadline = System.currentTimeMillis() + 30_000;
        while (h.count("SELECT count(*) FROM pgpilot.approvals WHERE expires_at < now()") < 2) {
            assertTrue(System.currentTimeMillis() < deadline, "both requests should be past their expiry");
            Thread.sleep(200);
        }

        // An Approve after the expiry, before the sweep: refused, and this request is marked expired there and then.
        h.click(ApprovalMessages.APPROVE, clicked, BotHarness.APPROVER, "1700000000.000001", "too-late");
        SlackApiStub.Call tooLate = h.slack.await("the answer to a click after expiry", c -> c.path().equals("/response/too-late"));
        assertTrue(tooLate.body().contains("expired before it was approved; nothing was applied"), tooLate.body());
        h.slack.await("the first message marked expired", c -> c.method().equals("chat.update") && c.shown().contains("add notes")
                && c.shown().contains("Expired"));

        h.bot.expire(); // what the runner's once-a-minute sweep calls
        SlackApiStub.Call update = h.slack.await("the second message marked expired", c -> c.method().equals("chat.update")
                && c.shown().contains("add summary") && c.shown().contains("Expired"));
        assertTrue(update.shown().contains("before anyone approved it. Nothing was applied.") && !update.shown().contains("pgpilot_approve"), update.shown());
        Golden.assertMatches("slack/plan_expired.json", MessageTextTest.normalised(update.params().get("blocks")));
        h.bot.expire(); // a second sweep finds nothing new
        assertEquals(2, h.slack.calls("chat.postMessage").stream().filter(c -> c.inThread() && c.shown().contains("is *expired*")
                && c.shown().contains("<@UREQUESTER>") && c.shown().contains("nobody decided it before")).count(),
                "each requester told once, in the request's thread");

        h.click(ApprovalMessages.APPROVE, swept, BotHarness.APPROVER, "1700000000.000002", "after-sweep");
        SlackApiStub.Call after = h.slack.await("the answer to a click after the sweep", c -> c.path().equals("/response/after-sweep"));
        assertTrue(after.body().contains("already decided: expired"), after.body());
        assertEquals(2, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'expired'"));
        assertEquals(0, notesOrSummary());
    }
}
