import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.local.LocalDatabase;
import dev.pgpilot.core.render.MigrationRenderer;
import dev.pgpilot.core.request.Catalog;
import dev.pgpilot.core.request.RequestParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parse + render latency per request, in-process: the catalog is read once from a real database
 * holding the eval's base schema; then every eval request (refusals included) is planned N times.
 * Usage: NlBench <base.sql> <cases.jsonl> [repeats=1000]
 */
public final class NlBench {
    public static void main(String[] args) throws Exception {
        String base = Files.readString(Path.of(args[0]));
        List<String> requests = new ArrayList<>();
        Matcher m = Pattern.compile("\"request\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(Path.of(args[1])));
        while (m.find()) requests.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        LocalDatabase local = new LocalDatabase(Files.createTempDirectory("nl-bench"), false);
        Catalog catalog;
        try {
            DatabaseTarget server = local.start();
            LocalDatabase.createDatabase(server, "nl_bench");
            try (Connection c = server.withDatabase("nl_bench").connect(); Statement s = c.createStatement()) {
                s.execute(base);
                catalog = Catalog.load(c);
            }
        } finally {
            local.reset();
        }
        MigrationRenderer renderer = new MigrationRenderer();
        Instant now = Instant.now();
        int refused = 0;
        for (int w = 0; w < 200; w++) for (String r : requests) refused += plan(catalog, renderer, r, now); // warm-up (JIT)
        long[] nanos = new long[requests.size() * repeats];
        // CPU time of this thread too: on a loaded machine wall time includes time spent descheduled
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cpuNanos = new long[nanos.length];
        long[][] perRequest = new long[requests.size()][repeats];
        int k = 0;
        refused = 0;
        for (int i = 0; i < repeats; i++) {
            for (String r : requests) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                refused += plan(catalog, renderer, r, now);
                nanos[k] = perRequest[requests.indexOf(r)][i] = System.nanoTime() - t;
                cpuNanos[k++] = cpu.getCurrentThreadCpuTime() - c0;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        int slowest = 0;
        for (int q = 0; q < perRequest.length; q++) {
            Arrays.sort(perRequest[q]);
            if (perRequest[q][repeats / 2] > perRequest[slowest][repeats / 2]) slowest = q;
        }
        System.out.printf("nl-bench: %d requests x %d = %d plans (%d refusals), parse+render per request:%n", requests.size(), repeats, nanos.length, refused);
        System.out.printf("  p50 %.3f ms   p99 %.3f ms   max %.3f ms%n", nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
        System.out.printf("  thread CPU time: p50 %.3f ms   p99 %.3f ms   max %.3f ms%n", cpuNanos[cpuNanos.length / 2] / 1e6,
                cpuNanos[(int) (cpuNanos.length * 0.99)] / 1e6, cpuNanos[cpuNanos.length - 1] / 1e6);
        System.out.printf("  slowest request by median: %.3f ms p50, %.3f ms p99: %s%n", perRequest[slowest][repeats / 2] / 1e6,
                perRequest[slowest][(int) (repeats * 0.99)] / 1e6, requests.get(slowest));
    }

    private static int plan(Catalog catalog, MigrationRenderer renderer, String request, Instant now) {
        try {
            renderer.render(new RequestParser(catalog).parse(request), now);
            return 0;
        } catch (PilotException e) {
            return 1;
        }
    }
}
