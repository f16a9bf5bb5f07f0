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
        } catch (RuntimeException e) {
            bot.close();
            String why = firstLine(e);
            if (why.contains("Failed to connect")) {
                // Bolt reports an unreachable API as an invalid token; say what really happened.
                throw PilotException.error("cannot reach the Slack Web API at " + apiHost(settings) + ": "
                                + why.replaceFirst("^The token is invalid \\(error: (.*)\\)$", "$1"),
                        "check the network, a proxy, or SLACK_API_URL; the bot token was not checked");
            }
            throw PilotException.error("Slack did not accept SLACK_BOT_TOKEN: " + why,
                    "copy the Bot User OAuth Token (xoxb-...) again; check that " + apiHost(settings) + " is reachable from here");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        if (settings.socketMode()) {
            // Socket Mode: Slack pushes requests over a websocket the bot opens; no public URL needed.
            SocketModeApp socket = new SocketModeApp(settings.appToken(), bot.app());
            try {
                socket.startAsync();
            } catch (Exception e) {
                closeQuietly(socket);
                bot.close();
                // Bolt's message names Slack's error (invalid_auth, not_allowed_token_type, ...), never the token.
                throw PilotException.error("Slack did not open a Socket Mode connection for SLACK_APP_TOKEN: " + firstLine(e),
                        "generate an App-Level Token (xapp-...) with the connections:write scope under Basic Information,"
                                + " turn on Socket Mode, and check that " + apiHost(settings) + " is reachable from here");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeQuietly(socket);
                bot.close();
            }));
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

    private static String apiHost(BotSettings settings) {
        return settings.apiUrl() == null ? "slack.com" : settings.apiUrl();
    }

    /** The innermost useful message: Bolt wraps I/O failures (connection refused) in its own exceptions. */
    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static void closeQuietly(SocketModeApp socket) {
        try {
            socket.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
