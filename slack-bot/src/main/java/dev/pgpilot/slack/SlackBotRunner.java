package dev.pgpilot.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.pgpilot.core.PilotException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/** Runs the bot until the process is stopped: HTTP on a port, or Socket Mode when an app token is set. */
public final class SlackBotRunner {
    private SlackBotRunner() {}

    public static void run(BotSettings settings, int port, PrintWriter out) throws Exception {
        settings.requireComplete();
        PilotBot bot = new PilotBot(settings);
        try {
            // Bolt checks the bot token (auth.test) when it starts; say so in our words, not a stack trace.
            bot.app().start();
        } catch (IllegalArgumentException e) {
            bot.close();
            throw PilotException.error("Slack did not accept SLACK_BOT_TOKEN: " + e.getMessage(),
                    "copy the Bot User OAuth Token (xoxb-...) again; check that " + (settings.apiUrl() == null ? "slack.com" : settings.apiUrl())
                            + " is reachable from here");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        if (settings.socketMode()) {
            // Socket Mode: Slack pushes requests over a websocket the bot opens; no public URL needed.
            SocketModeApp socket = new SocketModeApp(settings.appToken(), bot.app());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeQuietly(socket);
                bot.close();
            }));
            socket.startAsync();
            out.println("pgpilot Slack bot connected in Socket Mode (workdir " + settings.workdir().toAbsolutePath().normalize() + ")");
        } else {
            SlackEventsServer server = new SlackEventsServer(bot.app(), new InetSocketAddress(port)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                bot.close();
            }));
            out.println("pgpilot Slack bot listening on http://0.0.0.0:" + server.port() + SlackEventsServer.PATH
                    + " (workdir " + settings.workdir().toAbsolutePath().normalize() + ")");
        }
        out.flush();
        stopped.await();
    }

    private static void closeQuietly(SocketModeApp socket) {
        try {
            socket.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
