package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.pgpilot.core.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a team sees besides the request itself: the approvers mentioned in it, the requester told
 * how it ended, one line per event in the audit channel, and, when the bot's folder is a git
 * checkout, the approved migration committed (alone) with the approver and the approval id.
 */
class AuditAndGitTest {
    private static final String AUDIT = "CAUDIT";
    private BotHarness h;

    @AfterEach
    void stop() {
        h.close();
    }

    private void start(String auditChannel) throws Exception {
        h = new BotHarness(BotHarness.STAGING_YAML, null, Map.of("STAGING_DATABASE_URL", BotHarness.STAGING_URL), auditChannel, Duration.ofHours(24));
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
    }

    /** The text of every section of a message, as posted. */
    private static String sections(SlackApiStub.Call c) {
        List<String> out = new ArrayList<>();
        for (JsonElement b : JsonParser.parseString(c.params().get("blocks")).getAsJsonArray()) {
            if (b.getAsJsonObject().has("text")) {
                out.add(b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
            }
        }
        return String.join("\n", out);
    }

    private List<SlackApiStub.Call> audit() {
        return h.slack.calls("chat.postMessage").stream().filter(c -> AUDIT.equals(c.params().get("channel"))).toList();
    }

    @Test
    void theRequestMentionsEveryApproverButTheRequesterAndTheRequesterIsToldTheOutcome() throws Exception {
        start(null);
        SlackApiStub.Call posted = h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan");
        String shown = sections(posted);
        assertTrue(shown.contains("Needs approval from <@UAPPROVER>, <@UOTHER> · expires"), shown);
        assertFalse(shown.contains("<@UREQUESTER>,") || shown.contains(", <@UREQUESTER>"),
                "staging is protected: the requester is no approver of their own request: " + shown);

        h.click(ApprovalMessages.APPROVE, BotHarness.buttonValue(posted), BotHarness.APPROVER, "1700000000.000001", "approve");
        SlackApiStub.Call told = h.slack.await("the outcome in the thread", c -> c.inThread() && c.shown().contains("*applied*"));
        assertTrue(told.shown().contains("<@UREQUESTER> approval `" + BotHarness.buttonValue(posted).substring(0, 8) + "` is *applied*"), told.shown());
        assertEquals("1700000000.000001", told.params().get("thread_ts"));
    }

    @Test
    void theAuditChannelGetsOneLinePerRequestDecisionAndOutcome() throws Exception {
        start(AUDIT);
        SlackApiStub.Call notes = h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "notes");
        h.click(ApprovalMessages.APPROVE, BotHarness.buttonValue(notes), BotHarness.APPROVER, "1700000000.000001", "approve");
        h.slack.await("the applied line", c -> AUDIT.equals(c.params().get("channel")) && c.shown().contains("applied: "));
        SlackApiStub.Call summary = h.requestPosted("plan add summary text to events", BotHarness.REQUESTER, "summary");
        h.slack.await("the second request's line", c -> AUDIT.equals(c.params().get("channel")) && c.shown().contains("add summary"));
        // as Slack sends what was typed: one text column is enough & <!here> knows it
        h.command("reject " + BotHarness.buttonValue(summary).substring(0, 8) + " one text column is enough &amp; &lt;!here&gt; knows it",
                BotHarness.OTHER_APPROVER, "reject");
        h.slack.await("the rejected line", c -> AUDIT.equals(c.params().get("channel")) && c.shown().contains("rejected by"));

        StringBuilder lines = new StringBuilder();
        audit().forEach(c -> lines.append(sections(c)).append('\n'));
        Golden.assertMatches("slack/audit_channel_lines.txt", lines.toString().replaceAll("`[0-9a-f]{8}`", "`<id>`"));
        assertTrue(audit().stream().noneMatch(c -> c.params().containsKey("thread_ts")), "audit lines are top-level messages");
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=Team", "-c", "user.email=team@example.com"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void inAGitCheckoutTheApprovedPlanIsCommittedAloneWithApproverAndApprovalIdInTheMessage() throws Exception {
        start(null);
        git(h.workdir, "init", "-q");
        git(h.workdir, "add", "pgpilot.yaml");
        git(h.workdir, "commit", "-q", "-m", "project");
        Files.writeString(h.workdir.resolve("NOTES.md"), "half-written notes someone staged\n");
        git(h.workdir, "add", "NOTES.md");
        Files.writeString(h.workdir.resolve("scratch.sql"), "-- not for git\n");

        SlackApiStub.Call posted = h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan");
        String id = BotHarness.buttonValue(posted).split("\\|")[0];
        h.click(ApprovalMessages.APPROVE, BotHarness.buttonValue(posted), BotHarness.APPROVER, "1700000000.000001", "approve");
        SlackApiStub.Call thread = h.slack.await("the outcome in the thread", c -> c.inThread() && c.shown().contains("*applied*"));

        String sha = git(h.workdir, "rev-parse", "--short", "HEAD").strip();
        assertTrue(thread.shown().contains("committed to git as " + sha), thread.shown());
        String message = git(h.workdir, "log", "-1", "--format=%B");
        assertTrue(message.startsWith("pgpilot: ") && message.contains("on staging"), message);
        assertTrue(message.contains("Approval: " + id) && message.contains("Approved-by: UAPPROVER") && message.contains("Requested-by: UREQUESTER"), message);
        List<String> committed = git(h.workdir, "show", "--name-only", "--format=", "HEAD").lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, committed.size(), "the migration and its down script only: " + committed);
        assertTrue(committed.get(0).matches("supabase/migrations/\\d{14}_add_notes_to_events\\.sql")
                || committed.get(1).matches("supabase/migrations/\\d{14}_add_notes_to_events\\.sql"), committed.toString());
        assertTrue(committed.stream().anyMatch(f -> f.startsWith("supabase/migrations/down/")), committed.toString());
        assertEquals("NOTES.md", git(h.workdir, "diff", "--cached", "--name-only").strip(), "what someone else staged stays staged, uncommitted");
        assertEquals("?? scratch.sql", git(h.workdir, "status", "--porcelain", "scratch.sql").strip());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'applied' AND outcome LIKE '%committed to git as " + sha + "%'"));
    }
}
