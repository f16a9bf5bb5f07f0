package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SlackCommandTest {
    @Test
    void slackWithoutBotTokenRefusesNamingTheVariableAndWhereToFindIt() throws Exception {
        assumeTrue(System.getenv("SLACK_BOT_TOKEN") == null, "runs only where no real token is set");
        Path dir = Files.createTempDirectory("pgpilot-slack-cmd");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"slack", "--workdir", dir.toString(), "--port", "0"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("error: SLACK_BOT_TOKEN is not set"), err.toString());
        assertTrue(err.toString().contains("hint: copy the Bot User OAuth Token"), err.toString());
    }

    @Test
    void slackRefusesEnvBecauseEachCommandNamesItsOwn() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"slack", "--env", "prod"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(1, code);
        assertTrue(err.toString().contains("the bot picks the environment per command"), err.toString());
    }

    @Test
    void slackIsListedAmongTheCommandsWithItsPortOption() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        assertTrue(out.toString().contains("slack") && out.toString().contains("Socket Mode"), out.toString());
        StringWriter slackHelp = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"help", "slack"}, new PrintWriter(slackHelp), new PrintWriter(new StringWriter())));
        assertTrue(slackHelp.toString().contains("--port") && slackHelp.toString().contains("/slack/events"), slackHelp.toString());
    }
}
