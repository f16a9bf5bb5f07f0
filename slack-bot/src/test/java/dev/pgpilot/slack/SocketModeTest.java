package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SLACK_APP_TOKEN} selects Socket Mode. No Slack websocket server is faked: the loopback Web
 * API stub refuses {@code apps.connections.open}, which proves the Socket Mode path asked for a
 * connection with the app token, and that a bad token ends in one clear line.
 */
class SocketModeTest {
    private SlackApiStub slack;
    private Path workdir;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackApiStub();
        workdir = Files.createTempDirectory("pgpilot-socket");
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void appTokenSelectsSocketModeAndARefusedTokenFailsNamingTheVariable() throws Exception {
        BotSettings settings = BotSettings.from(workdir, Map.of("SLACK_BOT_TOKEN", "xoxb-test-token",
                "SLACK_APP_TOKEN", "xapp-revoked-token", "SLACK_API_URL", slack.apiUrl()));
        assertTrue(settings.socketMode());
        StringWriter out = new StringWriter();
        PilotException e = assertThrows(PilotException.class, () -> SlackBotRunner.run(settings, "127.0.0.1", 0, new PrintWriter(out)));
        assertEquals(PilotException.ERROR, e.exitCode());
        assertTrue(e.getMessage().contains("SLACK_APP_TOKEN") && e.getMessage().contains("invalid_auth"), e.getMessage());
        assertTrue(e.hint().contains("connections:write"), e.hint());
        assertFalse(e.getMessage().contains("xapp-revoked-token") || e.hint().contains("xapp-revoked-token"), "the token is never printed");
        SlackApiStub.Call open = slack.await("apps.connections.open", c -> c.method().equals("apps.connections.open"));
        assertEquals("Bearer xapp-revoked-token", open.authorization());
        assertFalse(out.toString().contains("listening"), "no HTTP endpoint in Socket Mode: " + out);
    }

    @Test
    void unreachableSlackApiFailsWithOneClearLineNamingTheAddress() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String api = "http://127.0.0.1:" + closedPort + "/api/";
        BotSettings settings = BotSettings.from(workdir, Map.of("SLACK_BOT_TOKEN", "xoxb-test-token",
                "SLACK_APP_TOKEN", "xapp-some-token", "SLACK_API_URL", api));
        PilotException e = assertThrows(PilotException.class, () -> SlackBotRunner.run(settings, "127.0.0.1", 0, new PrintWriter(new StringWriter())));
        assertEquals("cannot reach the Slack Web API at " + api + ": Failed to connect to /127.0.0.1:" + closedPort, e.getMessage());
        assertTrue(e.hint().contains("SLACK_API_URL"), e.hint());
        assertFalse(e.getMessage().contains("xoxb-test-token") || e.getMessage().contains("xapp-some-token"));
    }
}
