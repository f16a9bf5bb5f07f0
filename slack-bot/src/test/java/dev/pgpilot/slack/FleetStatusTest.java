package dev.pgpilot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.pgpilot.core.ClosedPort;
import dev.pgpilot.core.Golden;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.UpOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /pgpilot status all} reads the fleet {@code pgpilot status --env all} reads: staging and
 * prod at different versions, one environment on a closed port and two on a server that accepts
 * connections and never answers (a blackholed database). The silent ones are read side by side, each
 * marked unreachable when its deadline passes, and nobody else waits for them.
 */
class FleetStatusTest {
    private BotHarness h;
    private ServerSocket silent;
    private ClosedPort closed;
    /** When the silent server accepted each connection (ms since epoch), and the sockets it holds open. */
    private final List<Long> accepted = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        closed = new ClosedPort();
        int closedPort = closed.port();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "silent-postgres");
        acceptor.setDaemon(true);
        acceptor.start();
        DatabaseTarget prod = TestDatabase.fresh();
        String silentUrl = "postgresql://pgpilot@127.0.0.1:" + silent.getLocalPort();
        h = new BotHarness("""
                  prod:
                    url_env: PROD_DATABASE_URL
                    protected: true
                    approvers: [UAPPROVER]
                  eu_tenant:
                    url_env: EU_DATABASE_URL
                  us_tenant:
                    url_env: US_DATABASE_URL
                  old_replica:
                    url_env: OLD_DATABASE_URL
                """, null, Map.of("PROD_DATABASE_URL", BotHarness.url(prod), "EU_DATABASE_URL", silentUrl + "/eu",
                "US_DATABASE_URL", silentUrl + "/us", "OLD_DATABASE_URL", "postgresql://pgpilot:secret-pw@127.0.0.1:" + closedPort + "/app"));
        Files.writeString(h.workdir.resolve("supabase/migrations/20250101000000_create_events.sql"),
                "CREATE TABLE IF NOT EXISTS public.events (id bigint PRIMARY KEY);\n");
        Files.writeString(h.workdir.resolve("supabase/migrations/20250102000000_add_title.sql"),
                "ALTER TABLE public.events ADD COLUMN IF NOT EXISTS title text;\n");
        up(h.db, null);
        up(prod, "20250101000000");
    }

    private void up(DatabaseTarget db, String to) {
        new Pilot(new Pilot.Options(h.workdir, BotHarness.url(db), null, "cli", "test"), Clock.systemUTC(), Map.of())
                .up(new UpOptions(to, false, false, false), ApplyListener.NONE);
    }

    private void acceptForever() {
        while (!silent.isClosed()) {
            try {
                held.add(silent.accept());
                accepted.add(System.currentTimeMillis());
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        h.close();
        silent.close();
        closed.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void statusAllMarksSilentAndClosedTargetsUnreachableWhileTheOthersAreReadAndNobodyWaitsForThem() throws Exception {
        assertEquals(200, h.command("status all", BotHarness.STRANGER, "all").statusCode());
        long deadline = System.currentTimeMillis() + 10_000;
        while (accepted.size() < 2) {
            assertTrue(System.currentTimeMillis() < deadline, "both silent targets should be tried: " + accepted);
            Thread.sleep(20);
        }
        // Both silent targets were connected to within one login timeout of each other: read side by side, not one after the other.
        assertTrue(Math.abs(accepted.get(1) - accepted.get(0)) < 5_000, "accepted at " + accepted);

        // While the fleet read waits on the silent ones, a status of one environment is answered at once.
        h.command("status prod", BotHarness.STRANGER, "prod");
        SlackApiStub.Call prodOnly = h.slack.await("the status of prod", c -> c.path().equals("/response/prod") && c.body().contains("Status of"));
        assertTrue(prodOnly.body().contains("1 applied · 1 pending"), prodOnly.body());
        assertTrue(h.slack.calls("/response/all").isEmpty(), "the fleet answer is still waiting for the silent targets");

        SlackApiStub.Call all = h.slack.await("the fleet status", c -> c.path().equals("/response/all"), 40_000);
        assertTrue(all.body().contains("\"response_type\":\"ephemeral\""), all.body());
        assertFalse(all.body().contains("secret-pw"), "passwords are never shown: " + all.body());
        String blocks = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(JsonParser.parseString(all.body()).getAsJsonObject().get("blocks"));
        Golden.assertMatches("slack/status_all_with_unreachable_targets.json", blocks.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>"));
    }

    @Test
    void statusAllAndStatusEnvAllReadTheSameEnvironmentsInTheSameOrder() throws Exception {
        h.command("status all", BotHarness.STRANGER, "all");
        SlackApiStub.Call all = h.slack.await("the fleet status", c -> c.path().equals("/response/all"), 40_000);
        String shown = all.shown();
        var matrix = new Pilot(new Pilot.Options(h.workdir, null, "all", "cli", "test"), Clock.systemUTC(), h.settings.env())
                .environmentMatrix();
        int at = -1;
        for (var c : matrix.environments()) {
            int i = shown.indexOf("`" + c.name() + "`", at + 1);
            assertTrue(i > at, c.name() + " listed after the one before it, as status --env all lists it: " + shown);
            at = i;
            assertEquals(!c.reachable(), shown.substring(i).split("\\\\n")[0].contains("unreachable"), c.name() + ": " + shown);
        }
    }
}
