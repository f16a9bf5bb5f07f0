package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.UpOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans and applies through Slack against the real embedded PostgreSQL: the bot's HTTP endpoint
 * gets signed slash commands and button clicks, the Web API is the loopback stub.
 */
class ApprovalFlowTest {
    private static final Pattern BUTTON_VALUE = Pattern.compile("\"action_id\":\"pgpilot_approve\"[^}]*?\"value\":\"([^\"]+)\"|\"value\":\"([^\"]+)\"[^}]*?\"action_id\":\"pgpilot_approve\"");
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

    /** Sends {@code /pgpilot plan ...} and returns the posted approval message (its button value and ts). */
    private SlackApiStub.Call planPosted(String request, String requester) throws Exception {
        assertEquals(200, h.command("plan " + request, requester, "plan").statusCode());
        return h.slack.await("chat.postMessage with the approval buttons",
                c -> c.method().equals("chat.postMessage") && c.params().getOrDefault("blocks", "").contains("pgpilot_approve"));
    }

    private static String buttonValue(SlackApiStub.Call posted) {
        Matcher m = BUTTON_VALUE.matcher(posted.params().get("blocks"));
        assertTrue(m.find(), posted.params().get("blocks"));
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String ts(int n) {
        return String.format("1700000000.%06d", n);
    }

    private List<Path> migrationFiles() throws Exception {
        // the migrations and their down scripts (in down/)
        try (Stream<Path> s = Files.walk(h.workdir.resolve("supabase/migrations"))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private long notesColumns() throws Exception {
        return h.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'notes'");
    }

    @Test
    void planIsPostedWithSqlDownScriptAndButtonsAndStoredAsPendingBeforeAnythingRuns() throws Exception {
        SlackApiStub.Call posted = planPosted("add notes text to events", BotHarness.REQUESTER);
        String blocks = posted.params().get("blocks");
        assertEquals(BotHarness.CHANNEL, posted.params().get("channel"));
        assertTrue(blocks.contains("```"), blocks);
        assertTrue(blocks.contains("notes"), blocks);
        assertTrue(blocks.contains("Down script"), blocks);
        assertTrue(blocks.contains("*Lint:* no findings"), blocks);
        assertTrue(blocks.contains("pgpilot_reject"), blocks);
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending' AND requested_by = 'UREQUESTER'"));
        assertTrue(migrationFiles().isEmpty(), "nothing is written before approval");
        assertEquals(0, notesColumns());
    }

    @Test
    void nonApproverClickIsRefusedEphemerallyAndLeavesTheRequestPending() throws Exception {
        String value = buttonValue(planPosted("add notes text to events", BotHarness.REQUESTER));
        assertEquals(200, h.click(ApprovalMessages.APPROVE, value, BotHarness.STRANGER, ts(1), "stranger").statusCode());
        SlackApiStub.Call refusal = h.slack.await("refusal to the stranger", c -> c.path().equals("/response/stranger"));
        assertTrue(refusal.body().contains("you are not an approver for staging"), refusal.body());
        assertTrue(refusal.body().contains("\"response_type\":\"ephemeral\""), refusal.body());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending'"));
        assertTrue(h.slack.calls("chat.update").isEmpty());
        assertTrue(migrationFiles().isEmpty());
    }

    @Test
    void requesterCannotApproveTheirOwnPlanOnProtectedStaging() throws Exception {
        String value = buttonValue(planPosted("add notes text to events", BotHarness.REQUESTER));
        h.click(ApprovalMessages.APPROVE, value, BotHarness.REQUESTER, ts(1), "self");
        SlackApiStub.Call refusal = h.slack.await("refusal to the requester", c -> c.path().equals("/response/self"));
        assertTrue(refusal.body().contains("cannot approve your own request"), refusal.body());
        assertEquals(0, notesColumns());
    }

    @Test
    void approvedPlanIsWrittenAndAppliedOnceEvenWhenApproveArrivesTwice() throws Exception {
        String value = buttonValue(planPosted("add notes text to events", BotHarness.REQUESTER));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> click(value, BotHarness.APPROVER, "click1"));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> click(value, BotHarness.OTHER_APPROVER, "click2"));
        assertEquals(200, first.get());
        assertEquals(200, second.get());

        h.slack.await("the approval message updated with the result",
                c -> c.method().equals("chat.update") && c.params().getOrDefault("blocks", "").contains("applied 1 migration"));
        SlackApiStub.Call loser = h.slack.await("'already decided' to the second click",
                c -> c.path().startsWith("/response/click") && c.body().contains("already decided"));
        SlackApiStub.Call thread = h.slack.await("the apply result in the thread",
                c -> c.method().equals("chat.postMessage") && c.params().containsKey("thread_ts"));
        assertEquals(ts(1), thread.params().get("thread_ts"));

        String winner = loser.path().equals("/response/click1") ? BotHarness.OTHER_APPROVER : BotHarness.APPROVER;
        assertEquals(1, notesColumns());
        assertEquals(2, migrationFiles().size(), "one migration and its down script: " + migrationFiles());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.migration_log WHERE success AND direction = 'up'"));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.migration_log WHERE source = 'slack' AND applied_by = '" + winner + "'"));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'applied' AND decided_by = '" + winner + "'"));
    }

    private int click(String value, String user, String response) {
        try {
            return h.click(ApprovalMessages.APPROVE, value, user, ts(1), response).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rejectedPlanLeavesNothingAppliedAndCannotBeApprovedAfterwards() throws Exception {
        String value = buttonValue(planPosted("add notes text to events", BotHarness.REQUESTER));
        h.click(ApprovalMessages.REJECT, value, BotHarness.APPROVER, ts(1), "reject");
        h.submitRejectReason(h.slack.await("the reason form", c -> c.method().equals("views.open")), BotHarness.APPROVER, "not this sprint");
        SlackApiStub.Call update = h.slack.await("the message updated as rejected", c -> c.method().equals("chat.update"));
        String blocks = update.params().get("blocks");
        assertTrue(blocks.contains("Rejected by") && blocks.contains("@UAPPROVER") && !blocks.contains("pgpilot_approve"), blocks);

        h.click(ApprovalMessages.APPROVE, value, BotHarness.OTHER_APPROVER, ts(1), "late");
        SlackApiStub.Call late = h.slack.await("refusal of the late approval", c -> c.path().equals("/response/late"));
        assertTrue(late.body().contains("already decided: rejected"), late.body());

        assertEquals(0, notesColumns());
        assertTrue(migrationFiles().isEmpty());
        assertEquals(0, h.count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('pgpilot.migration_log')")
, "apply never ran, so the history table was never created");
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'rejected'"));
    }

    @Test
    void planTheParserCannotUnderstandIsAnsweredEphemerallyAndStoresNothing() throws Exception {
        h.command("plan add notes text to nonexistent_table", BotHarness.REQUESTER, "bad");
        SlackApiStub.Call reply = h.slack.await("the problem reply", c -> c.path().equals("/response/bad"));
        assertTrue(reply.body().contains(":warning:"), reply.body());
        assertTrue(reply.body().contains("nonexistent_table"), reply.body());
        assertTrue(h.slack.calls("chat.postMessage").isEmpty());
        assertEquals(0, h.count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('pgpilot.approvals')"));
    }

    @Test
    void applyPendingRunsWrittenMigrationsAfterApprovalAndStatusShowsThem() throws Exception {
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_add_rank.sql"),
                "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank integer;\n");
        h.command("status", BotHarness.STRANGER, "status-before");
        SlackApiStub.Call before = h.slack.await("status", c -> c.path().equals("/response/status-before"));
        assertTrue(before.body().contains("0 applied · 1 pending"), before.body());
        assertTrue(before.body().contains("20250101000000"), before.body());

        h.command("apply pending", BotHarness.REQUESTER, "apply");
        SlackApiStub.Call posted = h.slack.await("the apply approval message",
                c -> c.method().equals("chat.postMessage") && c.params().getOrDefault("blocks", "").contains("pgpilot_approve"));
        assertTrue(posted.params().get("blocks").contains("20250101000000"), posted.params().get("blocks"));
        h.click(ApprovalMessages.APPROVE, buttonValue(posted), BotHarness.APPROVER, ts(1), "approve-apply");
        h.slack.await("the apply result", c -> c.method().equals("chat.update") && c.params().getOrDefault("blocks", "").contains("applied 1 migration"));

        h.command("history", BotHarness.STRANGER, "history");
        SlackApiStub.Call history = h.slack.await("history", c -> c.path().equals("/response/history"));
        assertTrue(history.body().contains("UAPPROVER via slack"), history.body());
    }

    @Test
    void unreachableEnvironmentIsAnsweredWithTheMissingVariableAndHint() throws Exception {
        h.command("status nowhere", BotHarness.STRANGER, "nowhere");
        SlackApiStub.Call reply = h.slack.await("the problem reply", c -> c.path().equals("/response/nowhere"));
        assertTrue(reply.body().contains("unknown environment: nowhere"), reply.body());
        assertTrue(reply.body().contains("known: staging"), reply.body());
    }

    @Test
    void planIsRefusedWhileOtherMigrationsArePendingSoApprovingItCannotApplyThemToo() throws Exception {
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_add_rank.sql"),
                "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank integer;\n");
        h.command("plan add notes text to events", BotHarness.REQUESTER, "blocked");
        SlackApiStub.Call reply = h.slack.await("the refusal", c -> c.path().equals("/response/blocked"));
        assertTrue(reply.body().contains("other migrations are pending on staging: 20250101000000"), reply.body());
        assertTrue(reply.body().contains("/pgpilot apply pending"), reply.body());
        assertTrue(h.slack.calls("chat.postMessage").isEmpty());
    }

    @Test
    void failedApplyIsRecordedAndItsErrorPostedInTheThread() throws Exception {
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_broken.sql"),
                "ALTER TABLE public.events ADD COLUMN rank integer;\nALTER TABLE public.no_such_table ADD COLUMN x int;\n");
        h.command("apply 20250101000000", BotHarness.REQUESTER, "apply");
        SlackApiStub.Call posted = h.slack.await("the apply approval message",
                c -> c.method().equals("chat.postMessage") && c.params().getOrDefault("blocks", "").contains("pgpilot_approve"));
        h.click(ApprovalMessages.APPROVE, buttonValue(posted), BotHarness.APPROVER, ts(1), "approve");
        SlackApiStub.Call thread = h.slack.await("the error in the thread, telling the requester",
                c -> c.inThread() && c.shown().contains("no_such_table"));
        assertTrue(thread.shown().contains("<@UREQUESTER>"), thread.shown());
        SlackApiStub.Call update = h.slack.await("the message marked failed",
                c -> c.method().equals("chat.update") && c.params().getOrDefault("blocks", "").contains("failed"));
        assertTrue(update.params().get("blocks").contains("@UAPPROVER"), update.params().get("blocks"));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'failed' AND outcome LIKE '%no_such_table%'"));
        assertEquals(0, h.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'rank'"),
                "the failed migration was rolled back");
    }

    @Test
    void editOfAnAppliedMigrationBetweenRequestAndClickMakesTheApprovalStaleAndRunsNothing() throws Exception {
        Path applied = h.workdir.resolve("supabase/migrations/20250101000000_add_rank.sql");
        Files.writeString(applied, "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank integer;\n");
        new Pilot(new Pilot.Options(h.workdir, BotHarness.url(h.db), null, "cli", "test"), Clock.systemUTC(), Map.of())
                .up(UpOptions.all(), ApplyListener.NONE);
        String value = buttonValue(planPosted("add notes text to events", BotHarness.REQUESTER));
        Files.writeString(applied, "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank bigint;\n");

        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, ts(1), "approve");
        SlackApiStub.Call thread = h.slack.await("'changed since it was shown' in the thread",
                c -> c.inThread() && c.shown().contains("changed since it was shown"));
        assertTrue(thread.shown().contains("file edited: 20250101000000_add_rank.sql"), thread.shown());
        h.slack.await("the old message marked stale, without buttons",
                c -> c.method().equals("chat.update") && c.shown().contains("Changed since it was shown") && !c.shown().contains("pgpilot_approve"));
        assertEquals(List.of(applied), migrationFiles(), "nothing was written");
        assertEquals(0, notesColumns());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'stale' AND reason LIKE '%file edited%'"));
        assertEquals(0, h.count("SELECT count(*) FROM pgpilot.migration_log WHERE applied_by = 'UAPPROVER'"));
    }

    @Test
    void planThatFailsAtApplyTimeRemovesOnlyItsOwnFileAndTheNextPlanIsNotBlocked() throws Exception {
        Path other = h.workdir.resolve("supabase/migrations/20250101000000_add_rank.sql");
        Files.writeString(other, "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank integer;\n");
        new Pilot(new Pilot.Options(h.workdir, BotHarness.url(h.db), null, "cli", "test"), Clock.systemUTC(), Map.of())
                .up(UpOptions.all(), ApplyListener.NONE);
        String value = buttonValue(planPosted("add notes text to events", BotHarness.REQUESTER));
        // Renamed outside pgpilot: the history does not move, the plan's SQL is now wrong.
        h.sql("ALTER TABLE public.events RENAME TO happenings");

        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, ts(1), "approve");
        SlackApiStub.Call thread = h.slack.await("the failure in the thread", c -> c.inThread() && c.shown().contains("failed"));
        assertTrue(thread.shown().contains("was removed again"), thread.shown());
        assertEquals(List.of(other), migrationFiles(), "only the plan's own files were removed");
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'failed'"));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.migration_log WHERE NOT success AND applied_by = 'UAPPROVER'"),
                "the failed attempt stays in the history");

        h.command("plan add notes text to happenings", BotHarness.REQUESTER, "next");
        h.slack.await("the next plan posted", c -> c.method().equals("chat.postMessage") && c.shown().contains("happenings")
                && c.shown().contains("pgpilot_approve"));
    }
}
