package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lint in the approval flow: a plan shows its findings, and an Approve click on a plan whose lint
 * has errors is refused in the thread (nothing written, nothing applied, still pending) — the
 * safe choice over an override button. The error here is real: the project's schema manifest
 * does not list the column the plan adds.
 */
class PlanLintGateTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("\"action_id\":\"pgpilot_approve\",\"value\":\"([^\"]+)\"");
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

    private void manifestColumns(String columns) throws Exception {
        Files.writeString(h.workdir.resolve("supabase/schema-manifest.json"),
                "{\"tables\": [\"events\"], \"columns\": {\"events\": [" + columns + "]}}");
    }

    private long files() throws Exception {
        // the migrations and their down scripts (in down/)
        try (Stream<Path> s = Files.walk(h.workdir.resolve("supabase/migrations"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private long notesColumns() throws Exception {
        return h.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'notes'");
    }

    @Test
    void planWithLintErrorsShowsThemAndApproveIsRefusedInTheThreadUntilTheyAreFixed() throws Exception {
        manifestColumns("\"id\", \"title\"");
        h.command("plan add notes text to events", BotHarness.REQUESTER, "plan");
        SlackApiStub.Call posted = h.slack.await("the approval request",
                c -> c.method().equals("chat.postMessage") && c.params().getOrDefault("blocks", "").contains("pgpilot_approve"));
        String blocks = posted.params().get("blocks");
        assertTrue(blocks.contains("*Lint:* 1 error"), blocks);
        assertTrue(blocks.contains("`manifest-unknown-object` line"), blocks);
        assertTrue(blocks.contains("column public.events.notes is not in the schema manifest"), blocks);
        assertTrue(blocks.contains("Approving is refused while the plan has lint errors"), blocks);
        Matcher m = APPROVE_VALUE.matcher(blocks);
        assertTrue(m.find(), blocks);
        String value = m.group(1);

        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, "1700000000.000001", "approve");
        SlackApiStub.Call refusal = h.slack.await("the refusal in the thread",
                c -> c.inThread() && c.shown().contains("Not approved"));
        String text = refusal.shown();
        assertEquals("1700000000.000001", refusal.params().get("thread_ts"));
        assertTrue(text.contains("Not approved: plan `") && text.contains("1 lint error; nothing was written or applied"), text);
        assertTrue(text.contains("manifest-unknown-object"), text);
        assertTrue(h.slack.calls("chat.update").isEmpty(), "the request was not decided");
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending' AND decided_by IS NULL"));
        assertEquals(0, files());
        assertEquals(0, notesColumns());
        assertEquals(0, h.count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('pgpilot.migration_log')"));

        // The click lints again with today's files: once the manifest lists the column, the same button applies it.
        manifestColumns("\"id\", \"title\", \"notes\"");
        h.click(ApprovalMessages.APPROVE, value, BotHarness.OTHER_APPROVER, "1700000000.000001", "approve-again");
        h.slack.await("the applied result",
                c -> c.method().equals("chat.update") && c.params().getOrDefault("blocks", "").contains("applied 1 migration"));
        assertEquals(1, notesColumns());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.migration_log WHERE success AND source = 'slack' AND applied_by = 'UOTHER'"));
    }

    @Test
    void applyRequestForMigrationsWithLintErrorsIsRefusedBeforeAnyoneIsAsked() throws Exception {
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_wipe_events.sql"), "DELETE FROM public.events;\n");
        h.command("apply pending", BotHarness.REQUESTER, "apply");
        SlackApiStub.Call reply = h.slack.await("the refusal", c -> c.path().equals("/response/apply"));
        assertTrue(reply.body().contains("have lint errors, so nobody is asked to approve them"), reply.body());
        assertTrue(reply.body().contains("20250101000000_wipe_events.sql:1: ban-delete-without-where"), reply.body());
        assertTrue(reply.body().contains("\"response_type\":\"ephemeral\""), reply.body());
        assertTrue(h.slack.calls("chat.postMessage").isEmpty());
        assertEquals(0, h.count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('pgpilot.approvals')"));
        assertFalse(h.slack.calls().stream().anyMatch(c -> c.body().contains("pgpilot_approve")));
    }
}
