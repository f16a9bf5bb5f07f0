package dev.pgpilot.core.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The eval's cases (every eval/SCHEMA/cases.jsonl) and a run of a selection of them. */
final class EvalSuite {
    private EvalSuite() {}

    /** The repository's eval/ folder, found from the test's working directory (core/ under Maven). */
    static Path evalDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("eval/helpers.sql"))) return p.resolve("eval");
        }
        throw new IllegalStateException("no eval/helpers.sql above " + Path.of("").toAbsolutePath());
    }

    static List<EvalCase> load(Path evalDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EvalCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> dirs = Files.list(evalDir)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("cases.jsonl"))).sorted().toList()) {
                int n = 0;
                for (String line : Files.readAllLines(dir.resolve("cases.jsonl"))) {
                    n++;
                    if (line.isBlank()) continue;
                    try {
                        EvalCase c = EvalCase.parse(dir.getFileName().toString(), json.readTree(line));
                        if (!ids.add(c.id())) throw new IllegalArgumentException("id used twice: " + c.id());
                        out.add(c);
                    } catch (IOException | IllegalArgumentException e) {
                        throw new IllegalArgumentException(dir.resolve("cases.jsonl") + ":" + n + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Runs the selected cases, {@code threads} at a time (each case has its own database and
     * folder, so they are independent), and returns their outcomes in case order.
     */
    static List<Outcome> run(List<EvalCase> cases, Path work, int threads) throws Exception {
        Path evalDir = evalDir();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            // Templates are queued first, so every case task finds its template built or being built
            // (never queued behind it): no deadlock, and the schemas build in parallel.
            Map<String, Future<SchemaTemplate>> templates = new LinkedHashMap<>();
            for (EvalCase c : cases) {
                templates.computeIfAbsent(c.schema(), s -> pool.submit(() -> SchemaTemplate.build(evalDir, s, work)));
            }
            List<Future<Outcome>> futures = new ArrayList<>();
            for (EvalCase c : cases) {
                Future<SchemaTemplate> template = templates.get(c.schema());
                futures.add(pool.submit(() -> {
                    try {
                        return new CaseRunner(template.get(), work).run(c);
                    } catch (Exception | AssertionError e) {
                        return new Outcome(c, false, "harness error: " + e, "", "", List.of(), false, 0);
                    }
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** -Deval.only=ID,ID / -Deval.schema=NAME / -Deval.cat=CATEGORY narrow a run. */
    static Predicate<EvalCase> selection() {
        Set<String> only = csv(System.getProperty("eval.only", ""));
        Set<String> schema = csv(System.getProperty("eval.schema", ""));
        Set<String> cat = csv(System.getProperty("eval.cat", ""));
        return c -> (only.isEmpty() || only.contains(c.id())) && (schema.isEmpty() || schema.contains(c.schema()))
                && (cat.isEmpty() || cat.contains(c.category()));
    }

    private static Set<String> csv(String s) {
        Set<String> out = new HashSet<>();
        for (String x : s.split(",")) if (!x.isBlank()) out.add(x.trim());
        return out;
    }
}
