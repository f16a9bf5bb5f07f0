package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Approve click runs exactly what the approver was shown, or nothing: each defect of issue 15
 * replayed as Slack drives it (signed commands and clicks; a second environment, prod, in its own database).
 */
class ApprovalBindingTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("\"action_id\":\"pgpilot_approve\",\"value\":\"([^\"]+)\"");
    private BotHarness h;
    private DatabaseTarget prod;

    @BeforeEach
    void start() throws Exception {
        prod = TestDatabase.fresh();
        h = new BotHarness("""
                  prod:
                    url_env: PROD_DATABASE_URL
                    approvers: [UAPPROVER, UOTHER]
                """, null, Map.of("PROD_DATABASE_URL", BotHarness.url(prod)));
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
        h.sql("CREATE TABLE public.orders (id bigint PRIMARY KEY)");
        sql(prod, "CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static void sql(DatabaseTarget db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(DatabaseTarget db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private SlackApiStub.Call requestPosted(String text, String name) throws Exception {
        h.command(text, BotHarness.REQUESTER, name);
        return h.slack.await("the approval request for " + text, c -> c.method().equals("chat.postMessage")
                && c.shown().contains("pgpilot_approve") && c.params().get("thread_ts") == null && c.shown().contains(marker(text)));
    }

    private static String marker(String text) {
        return text.startsWith("plan ") ? text.substring(5).split(" ")[1] : "Apply";
    }

    private static String value(SlackApiStub.Call posted) {
        Matcher m = APPROVE_VALUE.matcher(posted.params().get("blocks"));
        assertTrue(m.find(), posted.params().get("blocks"));
        return m.group(1);
    }

    @Test
    void defaultEnvironmentChangedBetweenRequestAndClickRunsNothingAnywhereAndAsksAfresh() throws Exception {
        SlackApiStub.Call posted = requestPosted("plan add notes text to events", "plan");
        String value = value(posted);
        assertTrue(value.matches("[0-9a-f-]{36}\\|\\|staging"), "a global id and where it is stored, not a per-database serial: " + value);
        Path config = h.workdir.resolve("pgpilot.yaml");
        Files.writeString(config, Files.readString(config).replace("default_env: staging", "default_env: prod"));

        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, "1700000000.000001", "click");
        SlackApiStub.Call why = h.slack.await("'changed since it was shown' in the thread", c -> c.inThread() && c.shown().contains("changed since it was shown"));
        assertTrue(why.shown().contains("the environment is now prod (was staging)"), why.shown());
        h.slack.await("a fresh request, for prod", c -> c.method().equals("chat.postMessage") && c.shown().contains("pgpilot_approve")
                && c.shown().contains("Planned migration for `prod`"));
        assertEquals(0, count(h.db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'notes'"));
        assertEquals(0, count(prod, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'notes'"));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'stale'"));
        assertEquals(1, count(prod, "SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending' AND requested_by = 'UREQUESTER'"));
    }

    @Test
    void filesAddedAndEditedBetweenApplyRequestAndClickAreNotApplied() throws Exception {
        Path shown = h.workdir.resolve("supabase/migrations/20250101000000_add_rank.sql");
        Files.writeString(shown, "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank integer;\n");
        SlackApiStub.Call posted = requestPosted("apply pending", "apply");
        assertTrue(posted.shown().contains("Will apply 1 migration") && posted.shown().contains("ADD COLUMN IF NOT EXISTS rank integer"), posted.shown());
        Files.writeString(h.workdir.resolve("supabase/migrations/20250102000000_drop_orders.sql"), "DROP TABLE public.orders;\n");
        Files.writeString(shown, "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank bigint;\n");

        h.click(ApprovalMessages.APPROVE, value(posted), BotHarness.APPROVER, "1700000000.000001", "click");
        SlackApiStub.Call why = h.slack.await("'changed since it was shown'", c -> c.inThread() && c.shown().contains("changed since it was shown"));
        assertTrue(why.shown().contains("file added: 20250102000000_drop_orders.sql"), why.shown());
        assertTrue(why.shown().contains("file edited: 20250101000000_add_rank.sql"), why.shown());
        h.slack.await("a fresh request showing both files", c -> c.method().equals("chat.postMessage") && c.shown().contains("Will apply 2 migrations")
                && c.shown().contains("DROP TABLE public.orders"));
        assertEquals(1, h.count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('public.orders')"), "orders is still there");
        assertEquals(0, h.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'rank'"));
    }

    @Test
    void twoPlansInTheSameSecondGetTheirOwnVersionsAndTheOneApprovedSecondIsStaleNotFalselyApplied() throws Exception {
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> send("plan add notes text to events", "a"));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> send("plan add summary text to events", "b"));
        a.get();
        b.get();
        SlackApiStub.Call notes = h.slack.await("plan a", c -> c.method().equals("chat.postMessage") && c.shown().contains("add notes"));
        SlackApiStub.Call summary = h.slack.await("plan b", c -> c.method().equals("chat.postMessage") && c.shown().contains("add summary"));
        String notesFile = fileName(notes);
        String summaryFile = fileName(summary);
        assertNotEquals(notesFile.substring(0, 14), summaryFile.substring(0, 14), "two plans never share a version");

        h.click(ApprovalMessages.APPROVE, value(summary), BotHarness.APPROVER, "1700000000.000002", "b");
        h.slack.await("plan b applied", c -> c.method().equals("chat.update") && c.shown().contains("applied 1 migration"));
        h.click(ApprovalMessages.APPROVE, value(notes), BotHarness.APPROVER, "1700000000.000001", "a");
        SlackApiStub.Call why = h.slack.await("plan a stale", c -> c.inThread() && c.shown().contains("changed since it was shown"));
        assertTrue(why.shown().contains("the history moved"), why.shown());
        SlackApiStub.Call fresh = h.slack.await("plan a asked afresh", c -> c.method().equals("chat.postMessage") && c.shown().contains("add notes")
                && c != notes && c.shown().contains("pgpilot_approve"));
        h.click(ApprovalMessages.APPROVE, value(fresh), BotHarness.OTHER_APPROVER, "1700000000.000009", "a2");
        h.slack.await("the fresh plan a applied", c -> c.method().equals("chat.update") && c.shown().contains("applied 1 migration")
                && c.shown().contains("add notes"));

        assertEquals(2, h.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name IN ('notes', 'summary')"));
        assertEquals(0, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'applied' AND id = '" + value(notes).split("\\|")[0] + "'"),
                "the stale plan never reports applied");
        h.command("status", BotHarness.STRANGER, "status");
        SlackApiStub.Call status = h.slack.await("status still works", c -> c.path().equals("/response/status") && c.body().contains("applied"));
        assertTrue(status.body().contains("2 applied · 0 pending"), status.body());
    }

    private void send(String text, String name) {
        try {
            h.command(text, BotHarness.REQUESTER, name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(SlackApiStub.Call posted) {
        Matcher m = Pattern.compile("(\\d{14}_[a-z0-9_]+\\.sql)").matcher(posted.shown());
        assertTrue(m.find(), posted.shown());
        return m.group(1);
    }

    @Test
    void retriedSlashCommandPostsOneApprovalMessage() throws Exception {
        String body = SignedSlack.commandBody("plan add notes text to events", BotHarness.REQUESTER, BotHarness.CHANNEL,
                h.slack.responseUrl("retry"), "trigger-retried");
        assertEquals(200, h.client.send(body).statusCode());
        assertEquals(200, h.client.sendRetry(body, 1).statusCode());
        h.slack.await("the approval request", c -> c.method().equals("chat.postMessage") && c.shown().contains("pgpilot_approve"));
        Thread.sleep(1500); // the retry's work, had it posted, would have by now
        assertEquals(1, h.slack.calls("chat.postMessage").stream().filter(c -> c.shown().contains("pgpilot_approve")).count());
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals"));
        assertFalse(h.slack.calls().stream().anyMatch(c -> c.shown().contains("pgpilot failed")));
    }
}
