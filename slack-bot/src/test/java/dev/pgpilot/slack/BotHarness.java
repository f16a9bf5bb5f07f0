package dev.pgpilot.slack;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.db.DatabaseTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The real bot on loopback: a project folder whose protected {@code staging} environment points
 * at a fresh embedded PostgreSQL database, the HTTP server on a free port, and the Web API pointed
 * at {@link SlackApiStub}.
 */
final class BotHarness implements AutoCloseable {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String APPROVER = "UAPPROVER";
    static final String OTHER_APPROVER = "UOTHER";
    static final String REQUESTER = "UREQUESTER";
    static final String STRANGER = "USTRANGER";
    static final String CHANNEL = "CDBCHANGES";

    final Path workdir;
    final DatabaseTarget db;
    final SlackApiStub slack;
    final BotSettings settings;
    final PilotBot bot;
    final SlackEventsServer server;
    final SignedSlack client;

    BotHarness() throws IOException {
        this("", null, Map.of());
    }

    /**
     * @param extraEnvironments more {@code environments:} entries for pgpilot.yaml (indented by 2)
     * @param approvers         {@code PGPILOT_SLACK_APPROVERS}, or null
     * @param extraEnv          more process environment variables (database URLs of the extra environments)
     */
    BotHarness(String extraEnvironments, String approvers, Map<String, String> extraEnv) throws IOException {
        workdir = Files.createTempDirectory("pgpilot-slack");
        Files.createDirectories(workdir.resolve("supabase/migrations"));
        Files.writeString(workdir.resolve("pgpilot.yaml"), """
                default_env: staging
                environments:
                  staging:
                    url_env: STAGING_DATABASE_URL
                    protected: true
                    approvers: [UAPPROVER, UOTHER, UREQUESTER]
                """ + extraEnvironments);
        db = TestDatabase.fresh();
        slack = new SlackApiStub();
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("STAGING_DATABASE_URL", url(db));
        settings = new BotSettings(workdir, SECRET, "xoxb-test-token", null, slack.apiUrl(), approvers, null,
                java.time.Duration.ofHours(24), java.time.Duration.ofSeconds(30), Map.copyOf(env));
        bot = new PilotBot(settings);
        server = new SlackEventsServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
        client = new SignedSlack(server.port(), SECRET);
    }

    /** The test database as a {@code postgresql://} URL, the form users put in their environment. */
    static String url(DatabaseTarget t) {
        String hostAndDb = t.jdbcUrl().substring("jdbc:postgresql://".length());
        String user = t.user() == null ? "" : URLEncoder.encode(t.user(), StandardCharsets.UTF_8)
                + (t.password() == null ? "" : ":" + URLEncoder.encode(t.password(), StandardCharsets.UTF_8)) + "@";
        return "postgresql://" + user + hostAndDb;
    }

    void sql(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    HttpResponse<String> command(String text, String user, String responseName) throws IOException, InterruptedException {
        return client.send(SignedSlack.commandBody(text, user, CHANNEL, slack.responseUrl(responseName), "trigger-" + responseName));
    }

    HttpResponse<String> click(String actionId, String value, String user, String messageTs, String responseName)
            throws IOException, InterruptedException {
        return client.send(SignedSlack.clickBody(actionId, value, user, CHANNEL, messageTs, slack.responseUrl(responseName)));
    }

    /** Closes the bot, then the stub, which fails the test if any call broke one of Slack's limits. */
    @Override
    public void close() {
        server.close();
        bot.close();
        slack.close();
    }
}
