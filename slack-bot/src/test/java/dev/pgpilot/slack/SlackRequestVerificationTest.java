package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests that Slack did not sign (or signed too long ago) never reach a handler. */
class SlackRequestVerificationTest {
    private static BotHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new BotHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void correctlySignedHelpIsAnsweredWithTheCommandList() throws Exception {
        HttpResponse<String> r = h.command("help", BotHarness.STRANGER, "help");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("/pgpilot status [env]") && r.body().contains("plain English"), r.body());
        assertTrue(r.body().contains("\"response_type\":\"ephemeral\""), r.body());
    }

    @Test
    void requestSignedWithAnotherSecretIsRejectedWith401() throws Exception {
        String body = SignedSlack.commandBody("status", BotHarness.APPROVER, BotHarness.CHANNEL, h.slack.responseUrl("forged"), "t-forged");
        HttpResponse<String> r = h.client.send(body, SignedSlack.now(), "not-the-signing-secret");
        assertEquals(401, r.statusCode());
        assertTrue(h.slack.calls("/response/forged").isEmpty());
    }

    @Test
    void bodyChangedAfterSigningIsRejectedWith401() throws Exception {
        long ts = SignedSlack.now();
        String signed = SignedSlack.commandBody("status", BotHarness.APPROVER, BotHarness.CHANNEL, h.slack.responseUrl("tampered"), "t1");
        String tampered = signed.replace("text=status", "text=apply+pending");
        HttpResponse<String> r = h.client.sendWithSignature(tampered, ts, SignedSlack.signature(BotHarness.SECRET, ts, signed));
        assertEquals(401, r.statusCode());
    }

    @Test
    void correctlySignedButTenMinuteOldRequestIsRejectedWith401() throws Exception {
        String body = SignedSlack.commandBody("help", BotHarness.APPROVER, BotHarness.CHANNEL, h.slack.responseUrl("stale"), "t-stale");
        HttpResponse<String> r = h.client.send(body, SignedSlack.now() - 600, BotHarness.SECRET);
        assertEquals(401, r.statusCode());
    }

    @Test
    void unknownSubcommandGetsAnEphemeralReplyNamingTheWordAndTheCommands() throws Exception {
        HttpResponse<String> r = h.command("deploy everything", BotHarness.APPROVER, "unknown");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("unknown command: deploy"), r.body());
        assertTrue(r.body().contains("/pgpilot status [env|all]"), r.body());
        assertFalse(r.body().contains("amp;lt;"), "escaped once, so people read <plain English>, not &lt;: " + r.body());
        assertTrue(r.body().contains("\"response_type\":\"ephemeral\""), r.body());
    }

    @Test
    void applyWithoutVersionExplainsWhatToType() throws Exception {
        HttpResponse<String> r = h.command("apply", BotHarness.APPROVER, "apply-usage");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/pgpilot apply pending"), r.body());
    }
}
