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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback stand-in for slack.com: answers the Web API methods the bot calls and the
 * {@code response_url} posts, and records every call so tests can see what the bot said.
 */
final class SlackApiStub implements AutoCloseable {
    /** One recorded call: the path ({@code /api/chat.update}, {@code /response/...}) and its parameters or JSON body. */
    record Call(String path, Map<String, String> params, String body, String authorization) {
        String method() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger messages = new AtomicInteger();

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
            Call call = new Call(path, form(body), body, ex.getRequestHeaders().getFirst("Authorization"));
            String reply;
            String channel = call.params().getOrDefault("channel", "C0");
            switch (call.method()) {
                case "auth.test" -> reply = "{\"ok\":true,\"url\":\"https://t.slack.com/\",\"team\":\"t\",\"user\":\"pgpilot\","
                        + "\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
                case "chat.postMessage" -> reply = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000."
                        + String.format("%06d", messages.incrementAndGet()) + "\"}";
                // Socket Mode asks for a websocket URL with the app token; this stub says the token is not valid.
                case "apps.connections.open" -> reply = "{\"ok\":false,\"error\":\"invalid_auth\"}";
                case "chat.update" -> reply = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + call.params().get("ts") + "\"}";
                default -> reply = path.startsWith("/response/") ? "ok" : "{\"ok\":false,\"error\":\"unknown_method\"}";
            }
            synchronized (calls) {
                calls.add(call);
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

    /** Waits (up to 20 s, for the bot's background work) until a call matching {@code p} was recorded. */
    Call await(String what, Predicate<Call> p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
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

    @Override
    public void close() {
        server.stop(0);
    }
}
