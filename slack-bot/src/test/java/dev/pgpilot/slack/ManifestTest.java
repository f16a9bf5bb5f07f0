package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** slack-bot/manifest.yaml creates an app that talks to this bot: its command, its endpoint, the scopes it uses. */
class ManifestTest {
    private static JsonNode manifest() throws Exception {
        // Surefire runs in the module folder.
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("manifest.yaml")));
    }

    @Test
    void manifestDeclaresTheBotsCommandAndSendsCommandsAndClicksToItsEndpoint() throws Exception {
        JsonNode m = manifest();
        JsonNode commands = m.path("features").path("slash_commands");
        assertEquals(1, commands.size());
        JsonNode command = commands.get(0);
        assertEquals(PilotBot.COMMAND, command.path("command").asText());
        assertTrue(command.path("url").asText().endsWith(SlackEventsServer.PATH), command.toString());
        JsonNode interactivity = m.path("settings").path("interactivity");
        assertTrue(interactivity.path("is_enabled").asBoolean(), "Approve/Reject buttons need interactivity");
        assertTrue(interactivity.path("request_url").asText().endsWith(SlackEventsServer.PATH), interactivity.toString());
        assertFalse(m.path("settings").path("socket_mode_enabled").asBoolean(), "HTTP mode by default; the README says how to switch");
        String usage = command.path("usage_hint").asText();
        for (String sub : List.of("status", "plan", "apply", "history", "help")) {
            assertTrue(usage.contains(sub), usage);
            assertFalse(BotCommand.parse(sub + (sub.equals("plan") ? " add notes text to events" : sub.equals("apply") ? " pending" : ""),
                    java.util.Set.of()) instanceof BotCommand.Invalid, "the bot understands " + sub);
        }
    }

    @Test
    void manifestAsksForTheScopesTheBotCallsAndNoOthers() throws Exception {
        List<String> scopes = new ArrayList<>();
        manifest().path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        // commands: /pgpilot; chat:write: chat.postMessage and chat.update; chat:write.public: post without an invite.
        assertEquals(List.of("commands", "chat:write", "chat:write.public", "files:write"), scopes);
    }
}
