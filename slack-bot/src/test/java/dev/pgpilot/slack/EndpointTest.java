package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP endpoint itself: exact paths, a health check, and answers to unsigned, oversized and malformed requests. */
class EndpointTest {
    private static BotHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new BotHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** Sends only the request line and headers, never the body they announce, and returns the status line. */
    private static String headersOnly(String headers) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), h.server.port())) {
            s.setSoTimeout(10_000); // a server that waited for the body would time out here
            OutputStream out = s.getOutputStream();
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void unsignedRequestIsAnswered401WithoutItsBodyBeingRead() throws Exception {
        String status = headersOnly("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 500000\r\n\r\n");
        assertEquals("HTTP/1.1 401", status);
    }

    @Test
    void bodyLargerThanAnySlackPayloadIsAnswered413WithoutBeingRead() throws Exception {
        long now = SignedSlack.now();
        String status = headersOnly("POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slack-Request-Timestamp: " + now + "\r\n"
                + "X-Slack-Signature: v0=00\r\nContent-Length: 50000000\r\n\r\n");
        assertEquals("HTTP/1.1 413", status);
    }

    @Test
    void onlyTheExactEventsPathReachesTheBot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/slack/events/extra", "/slack/eventsX", "/"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.server.port() + path))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), path);
        }
    }

    @Test
    void healthEndpointAnswersOk() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + h.server.port() + SlackEventsServer.HEALTH)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\"}", r.body());
    }

    @Test
    void signedButMalformedPayloadGetsAnHttpError() throws Exception {
        HttpResponse<String> r = h.client.send("payload=%7Bnot+json");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
    }
}
