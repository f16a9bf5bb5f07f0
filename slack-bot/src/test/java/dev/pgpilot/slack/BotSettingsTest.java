package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.pgpilot.core.PilotException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the bot reads from its environment, and where its Web API calls go. */
class BotSettingsTest {
    private static final Path WORKDIR = Path.of(".");

    @Test
    void slackApiUrlSendsWebApiCallsToThatBaseUrlWithOrWithoutATrailingSlash() throws Exception {
        try (SlackApiStub slack = new SlackApiStub()) {
            String noSlash = slack.apiUrl().substring(0, slack.apiUrl().length() - 1);
            for (String url : new String[] {slack.apiUrl(), noSlash}) {
                BotSettings settings = BotSettings.from(WORKDIR, Map.of("SLACK_BOT_TOKEN", "xoxb-redirected",
                        "SLACK_SIGNING_SECRET", "s", "SLACK_API_URL", url));
                int before = slack.calls().size();
                try (PilotBot bot = new PilotBot(settings)) {
                    AuthTestResponse r = bot.app().client().authTest(a -> a.token("xoxb-redirected"));
                    assertTrue(r.isOk(), r.getError());
                    assertEquals("UBOT", r.getUserId(), "the answer came from the stub");
                }
                assertTrue(slack.calls().stream().skip(before).anyMatch(c -> c.path().equals("/api/auth.test")
                        && "Bearer xoxb-redirected".equals(c.authorization())), url + ": " + slack.calls());
            }
        }
    }

    @Test
    void approversOverrideAndAppTokenAreReadAndBlankValuesCountAsUnset() {
        BotSettings s = BotSettings.from(WORKDIR, Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "secret",
                "PGPILOT_SLACK_APPROVERS", "U1,U2", "SLACK_APP_TOKEN", "  ", "SLACK_API_URL", ""));
        assertEquals("U1,U2", s.approvers());
        assertFalse(s.socketMode(), "a blank SLACK_APP_TOKEN keeps HTTP mode");
        assertNull(s.apiUrl());
        assertTrue(BotSettings.from(WORKDIR, Map.of("SLACK_APP_TOKEN", "xapp-1")).socketMode());
    }

    @Test
    void httpModeWithoutSigningSecretRefusesToStartNamingTheVariable() {
        PilotException e = assertThrows(PilotException.class,
                () -> BotSettings.from(WORKDIR, Map.of("SLACK_BOT_TOKEN", "xoxb-1")).requireComplete());
        assertTrue(e.getMessage().contains("SLACK_SIGNING_SECRET is not set"), e.getMessage());
        // Socket Mode has no HTTP endpoint to verify, so the signing secret is not required there.
        BotSettings.from(WORKDIR, Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")).requireComplete();
    }
}
