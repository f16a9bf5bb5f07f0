package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When Slack refuses the file upload (a token without files:write), the whole SQL still reaches the
 * approver: posted in the request's thread as code blocks, every line once and in order, escaped,
 * each message within Slack's limits (the stub checks every call).
 */
class UploadFallbackTest {
    private BotHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new BotHarness();
        h.sql("CREATE TABLE public.events (id bigint PRIMARY KEY, title text NOT NULL)");
        h.slack.refuseUploads = true;
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void whenTheUploadIsRefusedTheWholeSqlIsPostedInTheThreadAsCodeBlocks() throws Exception {
        List<String> sqls = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String sql = "-- R&D asked for column " + i + " <!here> <https://evil.example|docs>\n"
                    + "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS c" + i + " integer CHECK (c" + i + " > 0 AND c" + i + " < 1000);\n";
            sqls.add(sql);
            Files.writeString(h.workdir.resolve(String.format("supabase/migrations/2025010100%04d_add_c%d.sql", i, i)), sql);
        }
        SlackApiStub.Call posted = h.requestPosted("apply pending", BotHarness.REQUESTER, "apply");
        String lastLine = "-- ---- down script of 20250101000119_add_c119.sql: none";
        h.slack.await("the last of the SQL in the thread", c -> c.inThread() && c.shown().contains(lastLine), 60_000);

        assertTrue(h.slack.calls("files.getUploadURLExternal").size() >= 1, "the upload was tried first");
        assertTrue(h.slack.uploads().isEmpty());
        List<SlackApiStub.Call> chunks = h.slack.calls("chat.postMessage").stream()
                .filter(c -> c.inThread() && posted.params().get("channel").equals(c.params().get("channel"))
                        && "1700000000.000001".equals(c.params().get("thread_ts")) && c.params().get("text").startsWith("SQL of approval")).toList();
        assertTrue(chunks.size() > 1, "more than one message: " + chunks.size());
        StringBuilder joined = new StringBuilder();
        for (SlackApiStub.Call c : chunks) {
            for (JsonElement b : JsonParser.parseString(c.params().get("blocks")).getAsJsonArray()) {
                String text = b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
                assertTrue(text.startsWith("```\n") && text.endsWith("\n```"), text);
                assertFalse(text.contains("<!here>") || text.contains("<https://"), "escaped: " + text);
                joined.append(text, 4, text.length() - 4).append('\n');
            }
        }
        String sql = Mrkdwn.decode(joined.toString());
        assertTrue(sql.startsWith("-- pgpilot approval " + BotHarness.buttonValue(posted).split("\\|")[0]), sql.substring(0, 80));
        int at = 0;
        for (String s : sqls) {
            int i = sql.indexOf(s, at);
            assertTrue(i >= at, "every migration whole and in order; missing: " + s);
            at = i + s.length();
        }
    }
}
