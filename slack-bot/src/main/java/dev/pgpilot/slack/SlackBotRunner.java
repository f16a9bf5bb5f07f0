package dev.pgpilot.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.pgpilot.core.PilotException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot until the process is stopped: HTTP on an address and port, or Socket Mode when an
 * app token is set. On start it reconciles approvals a stopped bot left running; on SIGTERM it
 * stops taking requests and gives running applies the configured grace to finish.
 */
public final class SlackBotRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SlackBotRunner.class);

    private SlackBotRunner() {}

    /** @param bind the address to listen on (e.g. 127.0.0.1 behind a proxy, 0.0.0.0 for every interface) */
    public static void run(BotSettings settings, String bind, int port, PrintWriter out) throws Exception {
        settings.requireComplete();
        InetSocketAddress address = address(bind, port);
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
        // Before any click can arrive: approvals a stopped bot left running end as applied or interrupted.
        bot.recover();
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pgpilot-slack-expiry");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                bot.expire();
            } catch (RuntimeException e) {
                LOG.warn("could not expire old requests: {}", e.toString());
            }
        }, 1, 1, TimeUnit.MINUTES);
        AutoCloseable front = settings.socketMode() ? socketMode(settings, bot) : new SlackEventsServer(bot.app(), address).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: no new requests; running applies get {} s to finish", settings.shutdownGrace().toSeconds());
            closeQuietly(front);
            sweeper.shutdownNow();
            bot.stop(settings.shutdownGrace());
            bot.close();
            LOG.info("stopped");
        }, "pgpilot-slack-shutdown"));
        String where = front instanceof SlackEventsServer server
                ? "listening on http://" + address.getAddress().getHostAddress() + ":" + server.port() + SlackEventsServer.PATH
                : "connected in Socket Mode";
        out.println("pgpilot Slack bot " + where + " (workdir " + settings.workdir().toAbsolutePath().normalize() + ")");
        out.flush();
        LOG.info("pgpilot Slack bot {}", where);
        new CountDownLatch(1).await();
    }

    private static InetSocketAddress address(String bind, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(bind == null || bind.isBlank() ? "0.0.0.0" : bind), port);
        } catch (UnknownHostException e) {
            throw PilotException.error("cannot listen on " + bind + ": no such address", "use an address of this machine, e.g. 127.0.0.1 or 0.0.0.0");
        }
    }

    private static AutoCloseable socketMode(BotSettings settings, PilotBot bot) {
        SocketModeApp socket = null;
        try {
            // Socket Mode: Slack pushes requests over a websocket the bot opens; no public URL needed.
            socket = new SocketModeApp(settings.appToken(), bot.app());
            socket.startAsync();
            return socket::close;
        } catch (Exception e) {
            if (socket != null) {
                closeQuietly(socket::close);
            }
            bot.close();
            // Bolt's message names Slack's error (invalid_auth, not_allowed_token_type, ...), never the token.
            throw PilotException.error("Slack did not open a Socket Mode connection for SLACK_APP_TOKEN: " + firstLine(e),
                    "generate an App-Level Token (xapp-...) with the connections:write scope under Basic Information,"
                            + " turn on Socket Mode, and check that " + apiHost(settings) + " is reachable from here");
        }
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

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
