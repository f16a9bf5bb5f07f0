package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real bot process stopped with SIGTERM in the middle of a three-migration apply, then started
 * again: the stop records nothing false, and the start reconciles the approval with the history
 * (1 of 3 ran), updates its message, and a late click is told how it ended.
 */
class RestartTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/slack/events");
    private static final Pattern APPROVE_VALUE = Pattern.compile("\"action_id\":\"pgpilot_approve\",\"value\":\"([^\"]+)\"");

    private Path workdir;
    private DatabaseTarget db;
    private SlackApiStub slack;
    private Process bot;

    @BeforeEach
    void setUp() throws Exception {
        workdir = Files.createTempDirectory("pgpilot-restart");
        Files.createDirectories(workdir.resolve("supabase/migrations"));
        Files.writeString(workdir.resolve("pgpilot.yaml"), """
                default_env: staging
                environments:
                  staging:
                    url_env: STAGING_DATABASE_URL
                    approvers: [UAPPROVER]
                """);
        Files.writeString(workdir.resolve("supabase/migrations/20250101000001_one.sql"), "CREATE TABLE IF NOT EXISTS public.one (id int PRIMARY KEY);\n");
        Files.writeString(workdir.resolve("supabase/migrations/20250101000002_slow.sql"),
                "SELECT pg_sleep(20);\nCREATE TABLE IF NOT EXISTS public.two (id int PRIMARY KEY);\n");
        Files.writeString(workdir.resolve("supabase/migrations/20250101000003_three.sql"), "CREATE TABLE IF NOT EXISTS public.three (id int PRIMARY KEY);\n");
        db = TestDatabase.fresh();
        slack = new SlackApiStub();
    }

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.destroyForcibly();
        }
        slack.close();
    }

    /** Starts the bot process and returns its port once it says it is listening. */
    private int startBot() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BotProcess.class.getName(), workdir.toString());
        pb.environment().put("SLACK_SIGNING_SECRET", BotHarness.SECRET);
        pb.environment().put("SLACK_BOT_TOKEN", "xoxb-test-token");
        pb.environment().put("SLACK_API_URL", slack.apiUrl());
        pb.environment().put("STAGING_DATABASE_URL", BotHarness.url(db));
        pb.environment().put("PGPILOT_SLACK_SHUTDOWN_GRACE_SECONDS", "1");
        pb.redirectError(workdir.resolve("bot-" + System.nanoTime() + ".log").toFile());
        bot = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        Matcher m = LISTENING.matcher(line == null ? "" : line);
        assertTrue(m.find(), "the bot did not start: " + line);
        return Integer.parseInt(m.group(1));
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void waitFor(String what, String sql) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (count(sql) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("never: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void sigtermMidApplyThenRestartMarksTheApprovalInterruptedWithWhatRanAndUpdatesItsMessage() throws Exception {
        SignedSlack client = new SignedSlack(startBot(), BotHarness.SECRET);
        client.send(SignedSlack.commandBody("apply pending", "UREQUESTER", "CDB", slack.responseUrl("apply"), "trigger-apply"));
        SlackApiStub.Call posted = slack.await("the apply request", c -> c.method().equals("chat.postMessage") && c.shown().contains("pgpilot_approve"));
        Matcher m = APPROVE_VALUE.matcher(posted.params().get("blocks"));
        assertTrue(m.find());
        String value = m.group(1);
        client.send(SignedSlack.clickBody(ApprovalMessages.APPROVE, value, "UAPPROVER", "CDB", "1700000000.000001", slack.responseUrl("click")));
        waitFor("the first migration applied and the second one running",
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(20)%' AND state = 'active'");
        assertEquals(1, count("SELECT count(*) FROM supabase_migrations.schema_migrations"));

        bot.destroy(); // SIGTERM
        assertTrue(bot.waitFor(20, TimeUnit.SECONDS), "the bot stops within its grace period");
        assertEquals(1, count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'approved'"),
                "a stop records no outcome it does not know");

        client = new SignedSlack(startBot(), BotHarness.SECRET);
        assertEquals(1, count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'interrupted' AND outcome LIKE '%1 of 3 ran (20250101000001)%'"
                + " AND outcome LIKE '%not run: 20250101000002, 20250101000003%'"));
        slack.await("the message updated as interrupted", c -> c.method().equals("chat.update") && c.shown().contains("interrupted")
                && c.shown().contains("1 of 3 ran"));
        assertEquals(1, count("SELECT count(*) FROM supabase_migrations.schema_migrations"), "the migration cut off by the stop was rolled back");

        client.send(SignedSlack.clickBody(ApprovalMessages.APPROVE, value, "UAPPROVER", "CDB", "1700000000.000001", slack.responseUrl("late")));
        SlackApiStub.Call late = slack.await("the late click's answer", c -> c.path().equals("/response/late"));
        assertTrue(late.body().contains("already decided: interrupted"), late.body());
        bot.destroy();
        assertTrue(bot.waitFor(20, TimeUnit.SECONDS));
    }
}
