package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.ClosedPort;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An environment whose database does not answer: every command gets a helpful ephemeral reply, nothing is stored or applied. */
class UnreachableDatabaseTest {
    private static final String PASSWORD = "s3cret-pw";
    private BotHarness h;
    private ClosedPort closed;

    @BeforeEach
    void start() throws Exception {
        closed = new ClosedPort();
        int closedPort = closed.port();
        h = new BotHarness("""
                  offline:
                    url_env: OFFLINE_DATABASE_URL
                    approvers: [UAPPROVER]
                """, null, Map.of("OFFLINE_DATABASE_URL", "postgresql://pgpilot:" + PASSWORD + "@127.0.0.1:" + closedPort + "/app"));
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_add_rank.sql"), "CREATE TABLE public.ranks (id int PRIMARY KEY);\n");
    }

    @AfterEach
    void stop() {
        h.close();
        closed.close();
    }

    private String reply(String text, String name) throws Exception {
        assertEquals(200, h.command(text, BotHarness.REQUESTER, name).statusCode());
        String body = h.slack.await("the reply to " + text, c -> c.path().equals("/response/" + name)).body();
        assertTrue(body.contains("\"response_type\":\"ephemeral\""), body);
        assertTrue(body.contains(":warning:"), body);
        assertTrue(body.contains("127.0.0.1:"), "names the database it tried: " + body);
        assertFalse(body.contains(PASSWORD), "never shows the password: " + body);
        assertTrue(body.contains("cannot connect to postgresql://pgpilot@127.0.0.1:"), body);
        assertTrue(body.contains("_hint:_ is the server running and reachable"), body);
        return body;
    }

    @Test
    void statusPlanApplyAndHistoryOnAnUnreachableDatabaseAnswerHelpfullyAndApplyNothing() throws Exception {
        reply("status offline", "status");
        reply("history offline", "history");
        reply("plan add notes text to events offline", "plan");
        reply("apply pending offline", "apply");
        assertTrue(h.slack.calls("chat.postMessage").isEmpty(), "no approval request was posted");
        assertEquals(0, h.count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('public.ranks')"));
    }
}
