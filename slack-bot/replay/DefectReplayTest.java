package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.db.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's defects replayed through signed requests against whichever bot is built: replay.sh
 * copies this class into a temporary worktree of a commit (4108fe1, before the rework, or HEAD) and
 * runs it there. It uses only what the test harness had then and has now (BotHarness(extra,
 * approvers, env), command, click, sql, count, the stub's calls and await) and judges by the
 * databases and the Web API calls, not by the wording of messages, so the same class is red where a
 * defect is and green where it is fixed. Not part of the suite: it is the record that each defect
 * was reproduced first.
 */
class DefectReplayTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile(
            "\"action_id\":\"pgpilot_approve\"[^}]*?\"value\":\"([^\"]+)\"|\"value\":\"([^\"]+)\"[^}]*?\"action_id\":\"pgpilot_approve\"");
    private static final Pattern FILE = Pattern.compile("(\\d{14})_[a-z0-9_]+\\.sql");
    private BotHarness h;
    private DatabaseTarget prod;

    @AfterEach
    void stop() {
        h.close();
    }

    private void start(boolean withProd) throws Exception {
        if (withProd) {
            prod = TestDatabase.fresh();
            h = new BotHarness("""
                      prod:
                        url_env: PROD_DATABASE_URL
                        approvers: [UAPPROVER, UOTHER]
                    """, null, Map.of("PROD_DATABASE_URL", BotHarness.url(prod)));
            sql(prod, "CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
        } else {
            h = new BotHarness();
        }
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
        h.sql("CREATE TABLE public.orders (id bigint PRIMARY KEY)");
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

    private static long column(DatabaseTarget db, String table, String column) throws Exception {
        return count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = '" + table + "' AND column_name = '" + column + "'");
    }

    /** What a person reads in a recorded call: Bolt's JSON writer escapes < > & = ' as \\uXXXX. */
    private static String shown(SlackApiStub.Call c) {
        String raw = c.params().isEmpty() ? c.body() : c.params().getOrDefault("text", "") + "\n" + c.params().getOrDefault("blocks", "");
        return raw.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&").replace("\\u003d", "=").replace("\\u0027", "'");
    }

    private static boolean isRequest(SlackApiStub.Call c) {
        return c.path().endsWith("/chat.postMessage") && c.params().get("thread_ts") == null
                && c.params().getOrDefault("blocks", "").contains("pgpilot_approve");
    }

    /** Sends a command and returns the approval request it posts (the first one posted after it). */
    private SlackApiStub.Call requested(String text, String name) throws Exception {
        int before = (int) h.slack.calls().stream().filter(DefectReplayTest::isRequest).count();
        h.command(text, BotHarness.REQUESTER, name);
        h.slack.await("request " + (before + 1) + " (" + text + ")",
                c -> h.slack.calls().stream().filter(DefectReplayTest::isRequest).count() > before);
        return h.slack.calls().stream().filter(DefectReplayTest::isRequest).toList().get(before);
    }

    private static String value(SlackApiStub.Call posted) {
        Matcher m = APPROVE_VALUE.matcher(posted.params().get("blocks"));
        assertTrue(m.find(), posted.params().get("blocks"));
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** Clicks Approve and waits until the bot has dealt with it: a message updated, and nothing left approved-and-running. */
    private void approveAndSettle(String value, String name) throws Exception {
        int updates = h.slack.calls("chat.update").size();
        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, "1700000000.000001", name);
        h.slack.await("a message updated after the click", c -> h.slack.calls("chat.update").size() > updates);
        long deadline = System.currentTimeMillis() + 60_000;
        while (h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'approved'") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
    }

    @Test
    void defaultEnvironmentChangedBetweenRequestAndClickRunsNothingOnTheNewDefault() throws Exception {
        start(true);
        requested("plan add summary text to events prod", "prod-plan");
        String staging = value(requested("plan add notes text to events", "staging-plan"));
        Path config = h.workdir.resolve("pgpilot.yaml");
        Files.writeString(config, Files.readString(config).replace("default_env: staging", "default_env: prod"));
        approveAndSettle(staging, "click");
        assertEquals(0, column(prod, "events", "summary"), "prod's own, unapproved request ran");
        assertEquals(0, column(prod, "events", "notes"), "staging's request ran on prod");
    }

    @Test
    void filesAddedAndEditedBetweenApplyRequestAndClickAreNotApplied() throws Exception {
        start(false);
        Path shown = h.workdir.resolve("supabase/migrations/20250101000000_add_rank.sql");
        Files.writeString(shown, "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank integer;\n");
        String value = value(requested("apply pending", "apply"));
        Files.writeString(h.workdir.resolve("supabase/migrations/20250102000000_drop_orders.sql"), "DROP TABLE public.orders;\n");
        Files.writeString(shown, "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS rank bigint;\n");
        approveAndSettle(value, "click");
        assertEquals(1, h.count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('public.orders')"), "orders was dropped, never shown");
        assertEquals(0, column(h.db, "events", "rank"), "the edited file ran");
    }

    @Test
    void twoPlansInTheSameSecondGetTwoVersions() throws Exception {
        start(false);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> send("plan add notes text to events", "a"));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> send("plan add summary text to events", "b"));
        a.get();
        b.get();
        h.slack.await("two requests", c -> h.slack.calls().stream().filter(DefectReplayTest::isRequest).count() >= 2);
        List<String> versions = h.slack.calls().stream().filter(DefectReplayTest::isRequest).map(c -> {
            Matcher m = FILE.matcher(shown(c));
            assertTrue(m.find(), shown(c));
            return m.group(1);
        }).toList();
        assertNotEquals(versions.get(0), versions.get(1), "two plans share a version");
    }

    private void send(String text, String name) {
        try {
            h.command(text, BotHarness.REQUESTER, name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPlanThatFailsAtApplyTimeDoesNotBlockTheNextPlan() throws Exception {
        start(false);
        String value = value(requested("plan add notes text to events", "plan"));
        h.sql("ALTER TABLE public.events RENAME TO happenings");
        approveAndSettle(value, "click");
        requested("plan add notes text to happenings", "next"); // fails here (await) when the failed plan's file blocks every later plan
    }

    @Test
    void twentyStatusesDuringTwoLongAppliesAreAllAnsweredWhileBothRun() throws Exception {
        start(true);
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_slow.sql"), "SELECT pg_sleep(25);\n");
        String staging = value(requested("apply pending staging", "s"));
        String prodValue = value(requested("apply pending prod", "p"));
        h.click(ApprovalMessages.APPROVE, staging, BotHarness.APPROVER, "1700000000.000001", "s-click");
        h.click(ApprovalMessages.APPROVE, prodValue, BotHarness.APPROVER, "1700000000.000002", "p-click");
        String sleeping = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(25)%' AND state = 'active'";
        long deadline = System.currentTimeMillis() + 30_000;
        while (count(h.db, sleeping) == 0 || count(prod, sleeping) == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "both applies should be running");
            Thread.sleep(100);
        }
        for (int i = 0; i < 20; i++) {
            h.command("status " + (i % 2 == 0 ? "staging" : "prod"), BotHarness.STRANGER, "status-" + i);
        }
        long answeredBy = System.currentTimeMillis() + 15_000;
        for (int i = 0; i < 20; i++) {
            String path = "/response/status-" + i;
            while (h.slack.calls().stream().noneMatch(c -> c.path().equals(path) && c.body().contains("pending"))) {
                assertTrue(System.currentTimeMillis() < answeredBy, "status " + i + " not answered while the applies run");
                Thread.sleep(50);
            }
        }
        assertEquals(1, count(h.db, sleeping), "the staging apply still runs");
        assertEquals(1, count(prod, sleeping), "the prod apply still runs");
    }

    @Test
    void channelPingsLinksAndAmpersandsAreShownAsTextAndTakenAsTyped() throws Exception {
        start(false);
        // What Slack sends when someone types: comment on table events: R&D <!channel> <https://evil.example|harmless> budget > 0
        String typed = "plan comment on table events: R&amp;D &lt;!channel&gt; &lt;https://evil.example|harmless&gt; budget &gt; 0";
        SlackApiStub.Call posted = requested(typed, "plan");
        assertFalse(shown(posted).contains("<!channel>"), "pings the channel: " + shown(posted));
        assertFalse(shown(posted).contains("<https://evil.example|harmless>"), "hides a link: " + shown(posted));
        approveAndSettle(value(posted), "click");
        assertEquals(1, h.count("SELECT count(*) FROM pg_description WHERE objoid = 'public.events'::regclass AND objsubid = 0"
                + " AND description = 'R&D <!channel> <https://evil.example|harmless> budget > 0'"), "the comment is not what was typed");
    }
}
