package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.approval.ApprovalStoreAccess;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack gives a command three seconds; the bot must answer before its database work, not after.
 * Shown without timing: the approvals table is locked, so the plan's work cannot finish, and yet
 * the HTTP answer arrives, while PostgreSQL shows the bot's session waiting for that lock.
 */
class AckBeforeWorkTest {
    private BotHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new BotHarness();
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
        ApprovalStoreAccess.on(h.db).ensureSchema();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void slashCommandIsAcknowledgedWhileItsDatabaseWorkIsStillBlocked() throws Exception {
        try (Connection lock = h.db.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE pgpilot.approvals IN ACCESS EXCLUSIVE MODE");

            // A bot that worked before answering would block here until the lock is gone: fail instead of hanging.
            HttpResponse<String> ack = CompletableFuture.supplyAsync(this::sendPlan).get(20, TimeUnit.SECONDS);
            assertEquals(200, ack.statusCode());
            assertTrue(ack.body().contains("planning") && ack.body().contains("\"response_type\":\"ephemeral\""), ack.body());

            waitForASessionBlockedOnALock(s);
            assertTrue(h.slack.calls("chat.postMessage").isEmpty(), "the approval request cannot have been posted yet");
            lock.rollback();
        }
        h.slack.await("the approval request, once the lock is gone",
                c -> c.method().equals("chat.postMessage") && c.params().getOrDefault("blocks", "").contains("pgpilot_approve"));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending'"));
    }

    private HttpResponse<String> sendPlan() {
        try {
            return h.command("plan add notes text to events", BotHarness.REQUESTER, "plan");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitForASessionBlockedOnALock(Statement s) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bot's database work never reached the locked table");
    }
}
