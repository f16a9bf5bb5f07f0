package dev.pgpilot.slack;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The bot as its own process, started the way {@code pgpilot slack} starts it (same runner, settings
 * from the environment), so a test can stop it with a real SIGTERM and start it again.
 * Arguments: the project folder.
 */
public final class BotProcess {
    private BotProcess() {}

    public static void main(String[] args) throws Exception {
        SlackBotRunner.run(BotSettings.from(Path.of(args[0]), System.getenv()), "127.0.0.1", 0, new PrintWriter(System.out, true));
    }
}
