package dev.pgpilot.core.lint.run;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.LintFailure;
import dev.pgpilot.core.api.model.LintReport;
import dev.pgpilot.core.lint.LintedFile;
import dev.pgpilot.core.lint.SchemaModel;
import dev.pgpilot.core.lint.LintedStatement;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * A folder's files linted in order, each against the schema of the files before it, on every core:
 * the scheduling half of {@link Linter}, which supplies what is done to one file.
 */
final class InOrderLint {
    /** Chunks of files linted in parallel: a few per core, so a slow chunk does not leave a core idle. */
    private static final int CHUNKS = 4 * Runtime.getRuntime().availableProcessors();

    private InOrderLint() {}

    /** A file read and split into statements, ready for the schema replay and the rules; or why it could not be. */
    record Parsed(String name, String text, List<LintedStatement> statements, LintFailure failure) {}

    /**
     * Lints files in the given order, each against the schema of the files before it. Reading and
     * splitting (most of the cost) run in parallel; the schema model is then replayed once in order,
     * and at the start of each chunk of files a copy of it goes to a worker that lints the chunk
     * (replaying its own files from that copy), so every file sees exactly the schema before it and
     * the in-order replay overlaps the linting instead of standing alone on the critical path.
     */
    static List<LintReport> lint(List<Path> files, Path workdir, BiFunction<Parsed, SchemaModel, LintReport> lintOne) {
        int n = files.size();
        List<Parsed> parsed = IntStream.range(0, n).parallel().mapToObj(i -> {
            Path p = files.get(i);
            String text = MigrationFile.normalize(Workspace.read(p));
            String name = workdir == null ? p.toString() : Linter.display(workdir, p);
            try {
                return new Parsed(name, text, LintedFile.parse(text), null);
            } catch (Throwable t) { // a splitter bug (even a StackOverflowError) fails this file, not the run
                return new Parsed(name, text, List.of(), LintFailure.of(LintFailure.LINTER, name, t));
            }
        }).toList();
        int chunk = Math.max(8, (n + CHUNKS - 1) / CHUNKS);
        if (n <= chunk) {
            return lintChunk(parsed, 0, n, SchemaModel.empty(), lintOne);
        }
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "pgpilot-lint");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<LintReport>>> chunks = new ArrayList<>();
            SchemaModel model = SchemaModel.empty();
            for (int i = 0; i < n; i++) {
                if (i % chunk == 0) {
                    SchemaModel start = model.copy();
                    int from = i;
                    chunks.add(workers.submit(() -> lintChunk(parsed, from, Math.min(n, from + chunk), start, lintOne)));
                }
                try {
                    model.replayFile(parsed.get(i).statements());
                } catch (Throwable t) {
                    // the chunk that holds this file replays it too and reports the failure there
                }
            }
            List<LintReport> out = new ArrayList<>(n);
            for (Future<List<LintReport>> f : chunks) {
                out.addAll(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PilotException.error("lint interrupted", null);
        } finally {
            workers.shutdownNow();
        }
    }

    private static List<LintReport> lintChunk(List<Parsed> parsed, int from, int to, SchemaModel start,
                                              BiFunction<Parsed, SchemaModel, LintReport> lintOne) {
        List<LintReport> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Parsed p = parsed.get(i);
            if (p.failure() != null) {
                out.add(new LintReport(List.of(), 1, List.of(p.failure())));
                continue;
            }
            out.add(lintOne.apply(p, start));
        }
        return out;
    }
}
