package dev.pgpilot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Slack: sends slash commands and button clicks to the bot, signed the way Slack signs them
 * ({@code v0=} HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret).
 */
final class SignedSlack {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String secret;

    SignedSlack(int port, String secret) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + SlackEventsServer.PATH);
        this.secret = secret;
    }

    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String commandBody(String text, String user, String channel, String responseUrl, String triggerId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-token-unused");
        f.put("team_id", "T1");
        f.put("team_domain", "t");
        f.put("channel_id", channel);
        f.put("channel_name", "db-changes");
        f.put("user_id", user);
        f.put("user_name", user.toLowerCase());
        f.put("command", PilotBot.COMMAND);
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl);
        f.put("trigger_id", triggerId);
        return form(f);
    }

    static String clickBody(String actionId, String value, String user, String channel, String messageTs, String responseUrl) {
        return clickBody(actionId, value, user, channel, messageTs, responseUrl, "tr-" + System.nanoTime());
    }

    static String clickBody(String actionId, String value, String user, String channel, String messageTs, String responseUrl, String triggerId) {
        String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"t\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"" + user.toLowerCase() + "\",\"team_id\":\"T1\"},"
                + "\"api_app_id\":\"A1\",\"token\":\"legacy-token-unused\",\"trigger_id\":\"" + triggerId + "\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + messageTs + "\",\"channel_id\":\"" + channel + "\",\"is_ephemeral\":false},"
                + "\"channel\":{\"id\":\"" + channel + "\",\"name\":\"db-changes\"},"
                + "\"message\":{\"type\":\"message\",\"ts\":\"" + messageTs + "\",\"text\":\"pgpilot\"},"
                + "\"response_url\":\"" + responseUrl + "\","
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\",\"value\":\"" + value + "\","
                + "\"type\":\"button\",\"action_ts\":\"" + now() + ".000001\"}]}";
        return form(Map.of("payload", json));
    }

    /**
     * A modal submitted as Slack sends it: the view the bot opened (views.open's {@code view}, with its
     * private_metadata) handed back with an id and the state of its one text field.
     */
    static String viewSubmissionBody(String openedView, String user, String blockId, String actionId, String value) {
        JsonObject view = JsonParser.parseString(openedView).getAsJsonObject();
        view.addProperty("id", "V" + System.nanoTime());
        view.addProperty("team_id", "T1");
        view.addProperty("app_id", "A1");
        view.addProperty("bot_id", "BBOT");
        JsonObject field = new JsonObject();
        field.addProperty("type", "plain_text_input");
        field.addProperty("value", value);
        JsonObject block = new JsonObject();
        block.add(actionId, field);
        JsonObject values = new JsonObject();
        values.add(blockId, block);
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        JsonObject payload = JsonParser.parseString("{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\",\"domain\":\"t\"},"
                + "\"api_app_id\":\"A1\",\"token\":\"legacy-token-unused\",\"response_urls\":[]}").getAsJsonObject();
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("username", user.toLowerCase());
        u.addProperty("team_id", "T1");
        payload.add("user", u);
        payload.addProperty("trigger_id", "tr-" + System.nanoTime());
        payload.add("view", view);
        return form(Map.of("payload", payload.toString()));
    }

    private static String form(Map<String, String> f) {
        return f.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Sends {@code body} signed with {@code secret} at {@code timestamp}. */
    HttpResponse<String> send(String body, long timestamp, String signingSecret) throws IOException, InterruptedException {
        return sendWithSignature(body, timestamp, signature(signingSecret, timestamp, body));
    }

    HttpResponse<String> sendWithSignature(String body, long timestamp, String signature) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** The same request as Slack's retry of it sends: signed anew, with {@code X-Slack-Retry-Num}. */
    HttpResponse<String> sendRetry(String body, int attempt) throws IOException, InterruptedException {
        long ts = now();
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", signature(secret, ts, body))
                .header("X-Slack-Retry-Num", Integer.toString(attempt))
                .header("X-Slack-Retry-Reason", "http_timeout")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** A correctly signed request, as Slack would send it now. */
    HttpResponse<String> send(String body) throws IOException, InterruptedException {
        return send(body, now(), secret);
    }
}
