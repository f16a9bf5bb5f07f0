package dev.pgpilot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP endpoint without a servlet container. Exactly two paths: {@code POST /slack/events}
 * (handed to Bolt, whose middleware checks the signature and the timestamp) and {@code GET /health}.
 * Before a body is read its headers must claim a fresh Slack signature and its size must be
 * plausible, so an unsigned or oversized request costs one header check, not a read.
 */
public final class SlackEventsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServer.class);
    public static final String PATH = "/slack/events";
    public static final String HEALTH = "/health";
    /** Slack's payloads are a few KB (a click carries its message's blocks); anything past this is not Slack. */
    static final int MAX_BODY = 1 << 20;
    /** Slack refuses to sign for longer than this; Bolt rejects the same window. */
    private static final long MAX_SKEW_SECONDS = 5 * 60;

    private final App app;
    private final SlackRequestParser parser;
    private final HttpServer server;
    private final ExecutorService threads;

    public SlackEventsServer(App app, InetSocketAddress address) throws IOException {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.server = HttpServer.create(address, 0);
        // Requests only check, parse and ack; the slow work runs on the bot's own queues.
        this.threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "pgpilot-slack-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    public SlackEventsServer start() {
        app.start();
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(HEALTH)) {
                send(exchange, 200, "application/json", "{\"status\":\"ok\"}");
            } else if (!path.equals(PATH)) {
                send(exchange, 404, "text/plain", "not found");
            } else if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only");
            } else {
                slack(exchange);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not answer a request on {}: {}", exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private void slack(HttpExchange exchange) throws IOException {
        if (!claimsFreshSignature(exchange)) {
            send(exchange, 401, "text/plain", "not signed by Slack");
            return;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && !length.matches("\\d{1,9}") || length != null && Long.parseLong(length) > MAX_BODY) {
            send(exchange, 413, "text/plain", "request too large");
            return;
        }
        byte[] raw = readAtMost(exchange.getRequestBody(), MAX_BODY);
        if (raw == null) {
            send(exchange, 413, "text/plain", "request too large");
            return;
        }
        Request<?> request;
        try {
            request = parser.parse(http(exchange, new String(raw, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            LOG.info("malformed Slack payload: {}", e.toString());
            request = null;
        }
        if (request == null) {
            send(exchange, 400, "text/plain", "not a Slack request pgpilot understands");
            return;
        }
        Response response;
        try {
            response = app.run(request);
        } catch (Exception e) {
            LOG.error("Bolt failed on a signed request", e);
            send(exchange, 500, "text/plain", "pgpilot could not handle the request");
            return;
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
        }
        int status = response.getStatusCode() == null ? 500 : response.getStatusCode();
        send(exchange, status, response.getContentType(), response.getBody());
    }

    /** Slack's two headers are there and the timestamp is recent; Bolt then checks the signature itself. */
    private static boolean claimsFreshSignature(HttpExchange exchange) {
        String signature = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
        String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
        if (signature == null || !signature.startsWith("v0=") || timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        return Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) <= MAX_SKEW_SECONDS;
    }

    /** The body, or null when it is longer than {@code limit} (a chunked request may not say its length). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static SlackRequestParser.HttpRequest http(HttpExchange exchange, String body) {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        return SlackRequestParser.HttpRequest.builder()
                .requestUri(exchange.getRequestURI().getPath())
                .queryString(query(exchange.getRequestURI().getRawQuery()))
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                .build();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            q.computeIfAbsent(URLDecoder.decode(p[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return q;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops taking requests; those being answered get a moment to finish. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
        app.stop();
    }
}
