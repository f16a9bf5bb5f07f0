package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PGPILOT_SLACK_APPROVERS} replaces the approvers pgpilot.yaml lists, for every environment. */
class ApproversOverrideTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("\"action_id\":\"pgpilot_approve\",\"value\":\"([^\"]+)\"");
    private BotHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new BotHarness("", " USTRANGER , UNOBODY", Map.of());
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void slackApproversVariableReplacesTheConfiguredApprovers() throws Exception {
        h.command("plan add notes text to events", BotHarness.REQUESTER, "plan");
        SlackApiStub.Call posted = h.slack.await("the approval request",
                c -> c.method().equals("chat.postMessage") && c.params().getOrDefault("blocks", "").contains("pgpilot_approve"));
        Matcher m = APPROVE_VALUE.matcher(posted.params().get("blocks"));
        assertTrue(m.find());

        h.click(ApprovalMessages.APPROVE, m.group(1), BotHarness.APPROVER, "1700000000.000001", "configured");
        String refusal = h.slack.await("refusal of the approver pgpilot.yaml names", c -> c.path().equals("/response/configured")).body();
        assertTrue(refusal.contains("you are not an approver for staging") && refusal.contains("USTRANGER"), refusal);
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending'"));

        h.click(ApprovalMessages.APPROVE, m.group(1), BotHarness.STRANGER, "1700000000.000001", "override");
        h.slack.await("the applied result",
                c -> c.method().equals("chat.update") && c.params().getOrDefault("blocks", "").contains("applied 1 migration"));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.migration_log WHERE success AND source = 'slack' AND applied_by = 'USTRANGER'"));
    }
}
