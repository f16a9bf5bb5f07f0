package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two long applies (one per environment) run while 20 people ask for status: every status is
 * answered while both applies are still running, because reads never queue behind applies.
 */
class ReadsDuringAppliesTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("\"action_id\":\"pgpilot_approve\",\"value\":\"([^\"]+)\"");
    private BotHarness h;
    private DatabaseTarget prod;

    @BeforeEach
    void start() throws Exception {
        prod = TestDatabase.fresh();
        h = new BotHarness("""
                  prod:
                    url_env: PROD_DATABASE_URL
                    approvers: [UAPPROVER]
                """, null, Map.of("PROD_DATABASE_URL", BotHarness.url(prod)));
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_slow.sql"), "SELECT pg_sleep(25);\n");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void approveApply(String env, String name) throws Exception {
        h.command("apply pending " + env, BotHarness.REQUESTER, name);
        SlackApiStub.Call posted = h.slack.await("the " + env + " request", c -> c.method().equals("chat.postMessage")
                && c.shown().contains("pgpilot_approve") && c.shown().contains("on `" + env + "`"));
        Matcher m = APPROVE_VALUE.matcher(posted.params().get("blocks"));
        assertTrue(m.find());
        h.click(ApprovalMessages.APPROVE, m.group(1), BotHarness.APPROVER, "1700000000.000001", name + "-click");
    }

    private static long sleeping(DatabaseTarget db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(25)%' AND state = 'active'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twentyStatusesDuringTwoLongAppliesAreAllAnsweredBeforeEitherApplyEnds() throws Exception {
        approveApply("staging", "s");
        approveApply("prod", "p");
        long deadline = System.currentTimeMillis() + 30_000;
        while (sleeping(h.db) == 0 || sleeping(prod) == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "both applies should be running");
            Thread.sleep(100);
        }
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            h.command("status " + (i % 2 == 0 ? "staging" : "prod"), BotHarness.STRANGER, "status-" + i);
        }
        for (int i = 0; i < 20; i++) {
            String path = "/response/status-" + i;
            SlackApiStub.Call r = h.slack.await("status " + i, c -> c.path().equals(path) && c.body().contains("Status of"), 20_000);
            assertTrue(r.body().contains("1 pending"), r.body());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("20 statuses during two long applies answered in " + millis + " ms");
        assertEquals(1, sleeping(h.db), "the staging apply is still running");
        assertEquals(1, sleeping(prod), "the prod apply is still running");
        assertTrue(h.slack.calls("chat.update").stream().noneMatch(c -> c.shown().contains("applied 1 migration")), "no apply has finished yet");
    }
}
