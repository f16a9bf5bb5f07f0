package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.approval.Approval;
import dev.pgpilot.core.api.approval.ApprovalStore;
import dev.pgpilot.core.api.approval.ApprovalStoreAccess;
import dev.pgpilot.core.target.DatabaseTarget;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bot restarted with {@code DATABASE_URL} (what {@code --db-url} sets) or an environment's URL
 * pointing somewhere else: an Approve click made for the first database never runs on the second,
 * not even when the second holds a copy of the approval (a restored dump); back on the first, it runs there.
 */
class DatabaseChangeAcrossRestartTest {
    private BotHarness h;
    private DatabaseTarget other;

    @AfterEach
    void stop() {
        h.close();
    }

    private static long count(DatabaseTarget db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(DatabaseTarget db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long notes(DatabaseTarget db) throws Exception {
        return count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'notes'");
    }

    private void start(String yaml, String variable) throws Exception {
        other = TestDatabase.fresh();
        h = new BotHarness(yaml, "UAPPROVER", Map.of(variable, BotHarness.STAGING_URL), null, Duration.ofHours(24));
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
        sql(other, "CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
    }

    @Test
    void anApprovalMadeOnOneDatabaseUrlIsNotFoundOnTheNextAndRunsOnlyWhenTheBotIsBackOnTheFirst() throws Exception {
        start("# no environments: every command uses DATABASE_URL\n", "DATABASE_URL");
        SlackApiStub.Call posted = h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan");
        String value = BotHarness.buttonValue(posted);
        assertTrue(value.endsWith("||"), "no environment named, stored with a plain URL: " + value);
        // The bot stores the message's ts after Slack answers the post; a restart before that (seen at load 40)
        // leaves nothing to chat.update later, so the bot rightly posts a new message instead.
        awaitMessageStored(value.substring(0, value.indexOf('|')));

        h.restart(Map.of("DATABASE_URL", BotHarness.url(other)));
        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, "1700000000.000001", "elsewhere");
        SlackApiStub.Call refused = h.slack.await("the click on the other database", c -> c.path().equals("/response/elsewhere"));
        assertTrue(refused.shown().contains("is not stored in") && refused.shown().contains("the bot's database changed since the request was made"),
                refused.shown());
        assertEquals(0, notes(other));
        assertEquals(0, notes(h.db));
        assertEquals(0, count(other, "SELECT count(*) FROM pg_class WHERE oid = to_regclass('pgpilot.approvals')"), "nothing was stored there either");
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE status = 'pending'"));

        h.restart(Map.of("DATABASE_URL", BotHarness.STAGING_URL));
        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, "1700000000.000001", "home");
        h.slack.await("applied on the first database", c -> c.method().equals("chat.update") && c.shown().contains("applied 1 migration"));
        assertEquals(1, notes(h.db));
        assertEquals(0, notes(other));
    }

    @Test
    void aCopyOfTheApprovalInTheDatabaseAnEnvironmentNowPointsAtIsStaleAndRunsNothingThere() throws Exception {
        start("""
                default_env: staging
                environments:
                  staging:
                    url_env: STAGING_DATABASE_URL
                """, "STAGING_DATABASE_URL");
        SlackApiStub.Call posted = h.requestPosted("plan add notes text to events", BotHarness.REQUESTER, "plan");
        String value = BotHarness.buttonValue(posted);
        long deadline = System.currentTimeMillis() + 30_000;
        while (h.count("SELECT count(*) FROM pgpilot.approvals WHERE slack_ts IS NOT NULL") == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the message should be remembered");
            Thread.sleep(100);
        }
        // The staging database restored elsewhere (pg_dump / a branch) with its approvals, and the bot pointed there.
        Approval original = ApprovalStoreAccess.on(h.db).find(value.split("\\|")[0]).orElseThrow();
        ApprovalStore copy = ApprovalStoreAccess.on(other);
        copy.ensureSchema();
        copy.create("restored", original);
        copy.attachMessage(original.id(), original.slackChannel(), original.slackTs());

        h.restart(Map.of("STAGING_DATABASE_URL", BotHarness.url(other)));
        h.click(ApprovalMessages.APPROVE, value, BotHarness.APPROVER, "1700000000.000001", "copy");
        SlackApiStub.Call why = h.slack.await("'changed since it was shown'", c -> c.inThread() && c.shown().contains("changed since it was shown"));
        assertTrue(why.shown().contains("the database is now "), why.shown());
        assertEquals(0, notes(other), "the copy never runs on the database it was not made for");
        assertEquals(0, notes(h.db));
        assertEquals(1, count(other, "SELECT count(*) FROM pgpilot.approvals WHERE status = 'stale' AND id = '" + original.id() + "'"));
    }

    private void awaitMessageStored(String approvalId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (h.count("SELECT count(*) FROM pgpilot.approvals WHERE id::text = '" + approvalId + "' AND slack_ts IS NOT NULL") == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the bot never stored the ts of approval " + approvalId);
            Thread.sleep(50);
        }
    }
}
