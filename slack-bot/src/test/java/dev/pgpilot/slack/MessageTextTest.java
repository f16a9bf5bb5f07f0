package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.pgpilot.core.Golden;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What people read: text typed in Slack arrives with {@code & < >} as entities and must mean what
 * was typed; every text the bot shows is escaped so it can neither ping a channel nor hide a link;
 * and the approver can reach all of a large change while no message breaks Slack's limits (the
 * stub checks each call and fails the test on any).
 */
class MessageTextTest {
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

    /** The blocks as a person reviews them, with what changes from run to run (ids, versions, dates, ports) replaced. */
    static String normalised(String blocksJson) {
        String pretty = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(JsonParser.parseString(blocksJson));
        return pretty.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("approval `[0-9a-f]{8}`", "approval `<id>`").replaceAll("pgpilot-[0-9a-f]{8}", "pgpilot-<id>")
                .replaceAll("pgpilot_decision_[0-9a-f]{8}", "pgpilot_decision_<id>")
                .replaceAll("\\d{14}_", "<version>_").replaceAll("<!date\\^\\d+\\^[^|]*\\|[^>]*>", "<date>")
                .replaceAll("postgresql://[^ ·\"]*", "postgresql://<test database>").replaceAll("-- Created: [0-9TZ:.-]+", "-- Created: <date>");
    }

    @Test
    void channelPingsLinksAndAmpersandsInARequestAreShownAsTextAndStoredAsTyped() throws Exception {
        // What Slack sends when someone types: comment on table events: R&D <!channel> <https://evil.example|harmless> budget > 0
        String typed = "plan comment on table events: R&amp;D &lt;!channel&gt; &lt;https://evil.example|harmless&gt; budget &gt; 0";
        h.command(typed, BotHarness.REQUESTER, "plan");
        SlackApiStub.Call posted = h.slack.await("the approval request", c -> c.method().equals("chat.postMessage") && c.shown().contains("pgpilot_approve"));
        String blocks = posted.shown();
        assertFalse(blocks.contains("<!channel>"), "no channel ping: " + blocks);
        assertFalse(blocks.contains("<https://evil.example|harmless>"), "no hidden link: " + blocks);
        assertFalse(posted.params().get("text").contains("<!channel>"), posted.params().get("text"));
        Golden.assertMatches("slack/plan_request_with_markup_in_the_text.json", normalised(posted.params().get("blocks")));
        assertEquals(1, h.count("SELECT count(*) FROM pgpilot.approvals WHERE request_text = "
                + "'comment on table events: R&D <!channel> <https://evil.example|harmless> budget > 0'"), "stored as typed, entities decoded");

        Matcher m = APPROVE_VALUE.matcher(posted.params().get("blocks"));
        assertTrue(m.find());
        h.click(ApprovalMessages.APPROVE, m.group(1), BotHarness.APPROVER, "1700000000.000001", "approve");
        h.slack.await("applied", c -> c.method().equals("chat.update") && c.shown().contains("applied 1 migration"));
        assertEquals(1, h.count("SELECT count(*) FROM pg_description WHERE objoid = 'public.events'::regclass AND objsubid = 0"
                + " AND description = 'R&D <!channel> <https://evil.example|harmless> budget > 0'"), "the comment is exactly what was typed");
    }

    @Test
    void applyOf400MigrationsShowsAPreviewWithinSlacksLimitsAndAttachesEverySqlLine() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String sql = "-- migration " + i + " of 400: a column with a long enough comment to weigh about 100 bytes\n"
                    + "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS c" + i + " text;\n";
            all.append(sql);
            Files.writeString(h.workdir.resolve(String.format("supabase/migrations/2025010100%04d_add_c%d.sql", i, i)), sql);
        }
        assertTrue(all.length() > 40_000, "over 40 KB of SQL: " + all.length());
        h.command("apply pending", BotHarness.REQUESTER, "apply");
        // a dry run and a lint of 400 files first: on this shared 2-core machine that has taken over 30 s
        SlackApiStub.Call posted = h.slack.await("the approval request", c -> c.method().equals("chat.postMessage")
                && c.shown().contains("pgpilot_approve"), 180_000);
        assertTrue(posted.shown().contains("Will apply 400 migrations") && posted.shown().contains("… and 385 more, every one in the attached file"),
                posted.shown());
        h.slack.await("the whole SQL attached", c -> c.method().equals("files.completeUploadExternal"), 60_000);
        SlackApiStub.Upload file = h.slack.uploads().stream().findFirst().orElseThrow(() -> new AssertionError("nothing attached: " + h.slack.calls()));
        assertEquals(posted.params().get("channel"), file.channel());
        assertEquals("1700000000.000001", file.threadTs(), "attached in the request's thread");
        for (String line : all.toString().split("\n")) {
            assertTrue(file.content().contains(line + "\n"), "missing from the attachment: " + line);
        }
        assertEquals(400, file.content().lines().filter(l -> l.startsWith("-- ==== ") && l.contains(" sha256 ")).count());
    }
}
