package dev.pgpilot.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback stand-in for slack.com: answers the Web API methods the bot calls (messages, updates,
 * the three steps of files.uploadV2) and the {@code response_url} posts, records every call, and
 * checks Slack's size limits on each one: a call breaking one is refused as Slack would, and
 * {@link #close()} fails the test.
 */
final class SlackApiStub implements AutoCloseable {
    /** One recorded call: the path ({@code /api/chat.update}, {@code /response/...}) and its parameters or JSON body. */
    record Call(String path, Map<String, String> params, String body, String authorization) {
        String method() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** Everything a person would read in this message: its text and its blocks (or a response_url body). */
        String shown() {
            String raw = params.isEmpty() ? body : params.getOrDefault("text", "") + "\n" + params.getOrDefault("blocks", "");
            // Bolt's JSON writer escapes < > & = ' as \\uXXXX; a person reads the characters.
            return raw.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&").replace("\\u003d", "=").replace("\\u0027", "'");
        }

        boolean inThread() {
            return method().equals("chat.postMessage") && params.containsKey("thread_ts");
        }
    }

    /** A file the bot uploaded: its name, where it was shared, and its whole content. */
    record Upload(String fileName, String channel, String threadTs, String content) {}

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger files = new AtomicInteger();
    /** When set, chat.postMessage answers Slack's error for a channel the bot is not in. */
    volatile boolean refusePosts;
    /** When set, files.getUploadURLExternal answers Slack's error for a token without files:write. */
    volatile boolean refuseUploads;
    /** When set, views.open answers Slack's error for a trigger id that expired. */
    volatile boolean refuseModals;

    SlackApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String apiUrl() {
        return base() + "/api/";
    }

    String responseUrl(String name) {
        return base() + "/response/" + name;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            Call call = new Call(path, path.startsWith("/upload/") ? Map.of() : form(body), body, ex.getRequestHeaders().getFirst("Authorization"));
            List<String> limits = limits(call);
            String reply = limits.isEmpty() ? reply(call) : "{\"ok\":false,\"error\":\"invalid_blocks\"}";
            synchronized (calls) {
                calls.add(call);
                limits.forEach(l -> broken.add(call.method() + ": " + l));
                calls.notifyAll();
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", reply.startsWith("{") ? "application/json" : "text/plain");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static List<String> limits(Call call) {
        if (call.path().startsWith("/response/")) {
            return SlackLimits.brokenInJson(call.body());
        }
        return switch (call.method()) {
            case "chat.postMessage", "chat.update", "chat.postEphemeral" -> SlackLimits.broken(call.params().get("text"), call.params().get("blocks"));
            case "views.open" -> SlackLimits.brokenInModal(call.params().get("view"));
            default -> List.of();
        };
    }

    private String reply(Call call) {
        String channel = call.params().getOrDefault("channel", "C0");
        if (call.path().startsWith("/upload/")) {
            String id = call.path().substring("/upload/".length());
            uploads.computeIfPresent(id, (k, u) -> new Upload(u.fileName(), null, null, call.body()));
            return "OK - " + call.body().length();
        }
        return switch (call.method()) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://t.slack.com/\",\"team\":\"t\",\"user\":\"pgpilot\","
                    + "\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
            case "chat.postMessage" -> refusePosts ? "{\"ok\":false,\"error\":\"not_in_channel\"}"
                    : "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000." + String.format("%06d", messages.incrementAndGet()) + "\"}";
            // Socket Mode asks for a websocket URL with the app token; this stub says the token is not valid.
            case "apps.connections.open" -> "{\"ok\":false,\"error\":\"invalid_auth\"}";
            case "views.open" -> refuseModals ? "{\"ok\":false,\"error\":\"expired_trigger_id\"}"
                    : "{\"ok\":true,\"view\":{\"id\":\"V" + files.incrementAndGet() + "\",\"type\":\"modal\"}}";
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + call.params().get("ts") + "\"}";
            case "files.getUploadURLExternal" -> {
                if (refuseUploads) {
                    yield "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"files:write\",\"provided\":\"commands,chat:write\"}";
                }
                String id = "F" + files.incrementAndGet();
                uploads.put(id, new Upload(call.params().get("filename"), null, null, null));
                yield "{\"ok\":true,\"upload_url\":\"" + base() + "/upload/" + id + "\",\"file_id\":\"" + id + "\"}";
            }
            case "files.completeUploadExternal" -> {
                String id = call.params().getOrDefault("files", "").replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                uploads.computeIfPresent(id, (k, u) -> new Upload(u.fileName(), call.params().get("channel_id"), call.params().get("thread_ts"), u.content()));
                yield "{\"ok\":true,\"files\":[{\"id\":\"" + id + "\",\"title\":\"t\"}]}";
            }
            default -> call.path().startsWith("/response/") ? "ok" : "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            return m;
        }
        for (String kv : body.split("&")) {
            if (kv.isEmpty()) continue;
            String[] p = kv.split("=", 2);
            m.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return m;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method) || c.path().equals(method)).toList();
    }

    /** Files uploaded and shared so far. */
    List<Upload> uploads() {
        return uploads.values().stream().filter(u -> u.channel() != null).toList();
    }

    /** Waits (up to 30 s, for the bot's background work) until a call matching {@code p} was recorded. */
    Call await(String what, Predicate<Call> p) throws InterruptedException {
        return await(what, p, 30_000);
    }

    Call await(String what, Predicate<Call> p, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (calls) {
            while (true) {
                for (Call c : calls) {
                    if (p.test(c)) return c;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no Slack call " + what + "; calls were: " + calls);
                }
                calls.wait(left);
            }
        }
    }

    /** Stops the stub; any call that broke one of Slack's limits fails the test here. */
    @Override
    public void close() {
        server.stop(0);
        synchronized (calls) {
            if (!broken.isEmpty()) {
                throw new AssertionError("the bot broke Slack's limits: " + broken);
            }
        }
    }
}
