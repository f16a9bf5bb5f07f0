package dev.pgpilot.slack;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    static final String STAGING_YAML = """
            default_env: staging
            environments:
              staging:
                url_env: STAGING_DATABASE_URL
                protected: true
                approvers: [UAPPROVER, UOTHER, UREQUESTER]
            """;

    final Path workdir;
    final DatabaseTarget db;
    final SlackApiStub slack;
    BotSettings settings;
    PilotBot bot;
    SlackEventsServer server;
    SignedSlack client;

    BotHarness() throws IOException {
        this("", null, Map.of());
    }

    /**
     * @param extraEnvironments more {@code environments:} entries for pgpilot.yaml (indented by 2)
     * @param approvers         {@code PGPILOT_SLACK_APPROVERS}, or null
     * @param extraEnv          more process environment variables (database URLs of the extra environments)
     */
    BotHarness(String extraEnvironments, String approvers, Map<String, String> extraEnv) throws IOException {
        this(STAGING_YAML + extraEnvironments, approvers, withStaging(extraEnv), null, Duration.ofHours(24));
    }

    /**
     * @param yaml         the whole pgpilot.yaml
     * @param env          the bot's process environment ({@link #STAGING_URL} stands for the test database's URL)
     * @param auditChannel {@code PGPILOT_SLACK_AUDIT_CHANNEL}, or null
     * @param ttl          how long a request waits for a decision
     */
    BotHarness(String yaml, String approvers, Map<String, String> env, String auditChannel, Duration ttl) throws IOException {
        workdir = Files.createTempDirectory("pgpilot-slack");
        Files.createDirectories(workdir.resolve("supabase/migrations"));
        Files.writeString(workdir.resolve("pgpilot.yaml"), yaml);
        db = TestDatabase.fresh();
        slack = new SlackApiStub();
        startBot(new BotSettings(workdir, SECRET, "xoxb-test-token", null, slack.apiUrl(), approvers, auditChannel, ttl,
                Duration.ofSeconds(30), resolve(env)));
    }

    /** A value in {@code env} that stands for the harness database's URL. */
    static final String STAGING_URL = "<the harness database>";

    private static Map<String, String> withStaging(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("STAGING_DATABASE_URL", STAGING_URL);
        return env;
    }

    private Map<String, String> resolve(Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((k, v) -> out.put(k, v.equals(STAGING_URL) ? url(db) : v));
        return Map.copyOf(out);
    }

    private void startBot(BotSettings s) throws IOException {
        settings = s;
        bot = new PilotBot(settings);
        server = new SlackEventsServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
        client = new SignedSlack(server.port(), SECRET);
    }

    /** The bot stopped and started again on the same folder and Slack, with another process environment. */
    void restart(Map<String, String> env) throws IOException {
        server.close();
        bot.close();
        startBot(new BotSettings(workdir, SECRET, "xoxb-test-token", null, slack.apiUrl(), settings.approvers(), settings.auditChannel(),
                settings.approvalTtl(), settings.shutdownGrace(), resolve(env)));
        bot.recover();
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

    HttpResponse<String> click(String actionId, String value, String user, String messageTs, String responseName, String triggerId)
            throws IOException, InterruptedException {
        return client.send(SignedSlack.clickBody(actionId, value, user, CHANNEL, messageTs, slack.responseUrl(responseName), triggerId));
    }

    /** Submits the reject form views.open showed (its view as the bot sent it) with {@code reason} typed in. */
    HttpResponse<String> submitRejectReason(SlackApiStub.Call viewsOpen, String user, String reason) throws IOException, InterruptedException {
        return client.send(SignedSlack.viewSubmissionBody(viewsOpen.params().get("view"), user, RejectReasonModal.BLOCK, RejectReasonModal.INPUT, reason));
    }

    private static final java.util.regex.Pattern APPROVE_VALUE = java.util.regex.Pattern.compile("\"action_id\":\"pgpilot_approve\",\"value\":\"([^\"]+)\"");

    /** The value an approval message's buttons carry (id|envArg|home). */
    static String buttonValue(SlackApiStub.Call posted) {
        java.util.regex.Matcher m = APPROVE_VALUE.matcher(posted.params().getOrDefault("blocks", ""));
        if (!m.find()) {
            throw new AssertionError("no Approve button in " + posted.params().get("blocks"));
        }
        return m.group(1);
    }

    /** Sends a plan or apply command and returns the approval message it posts (the first one posted after the command). */
    SlackApiStub.Call requestPosted(String text, String user, String responseName) throws Exception {
        List<SlackApiStub.Call> before = slack.calls();
        command(text, user, responseName);
        return slack.await("the approval request for " + text, c -> before.stream().noneMatch(b -> b == c) && c.method().equals("chat.postMessage")
                && c.params().get("thread_ts") == null && c.params().getOrDefault("blocks", "").contains("pgpilot_approve"), 60_000);
    }

    /** Closes the bot, then the stub, which fails the test if any call broke one of Slack's limits. */
    @Override
    public void close() {
        server.close();
        bot.close();
        slack.close();
    }
}
