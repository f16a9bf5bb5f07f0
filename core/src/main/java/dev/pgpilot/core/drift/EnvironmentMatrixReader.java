package dev.pgpilot.core.drift;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.EnvironmentMatrix;
import dev.pgpilot.core.api.model.MigrationFile;
import dev.pgpilot.core.engine.History;
import dev.pgpilot.core.engine.StatusCheck;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.target.TargetResolver;
import dev.pgpilot.core.workspace.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads {@code status --env all}'s matrix: every environment's history at once, each within its own deadline. */
public final class EnvironmentMatrixReader {
    private EnvironmentMatrixReader() {}

    /** Reads every environment of the project (in config order; the embedded database first when it exists). */
    public static EnvironmentMatrix read(Workspace workspace, TargetResolver resolver, boolean localExists) {
        List<String> names = new ArrayList<>(workspace.config().environments().keySet());
        if (!names.contains("local") && localExists) {
            names.add(0, "local");
        }
        if (names.isEmpty()) {
            throw PilotException.error("no environments to compare",
                    "list them under environments: in pgpilot.yaml (name, url_env, protected), or run pgpilot db start for a local one");
        }
        List<MigrationFile> files = workspace.migrations();
        return EnvironmentMatrix.of(files, readConcurrently(files, resolver, names));
    }

    /**
     * Each environment on its own thread with its own deadline: one unreachable or hanging server
     * costs the whole matrix at most {@link EnvironmentMatrix#ANSWER_WITHIN_SECONDS}, never the sum of them.
     */
    private static List<EnvironmentMatrix.Column> readConcurrently(List<MigrationFile> files, TargetResolver resolver, List<String> names) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(names.size(), 16), r -> {
            Thread t = new Thread(r, "pgpilot-status");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<EnvironmentMatrix.Column>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> column(files, resolver, name)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EnvironmentMatrix.ANSWER_WITHIN_SECONDS);
            List<EnvironmentMatrix.Column> columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                columns.add(await(futures.get(i), names.get(i), deadline));
            }
            return columns;
        } finally {
            pool.shutdownNow();
        }
    }


    private static EnvironmentMatrix.Column await(Future<EnvironmentMatrix.Column> f, String name, long deadline) {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new EnvironmentMatrix.Column(name, null, null, "no answer within " + EnvironmentMatrix.ANSWER_WITHIN_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EnvironmentMatrix.Column(name, null, null, "interrupted");
        } catch (ExecutionException e) {
            return new EnvironmentMatrix.Column(name, null, null, String.valueOf(e.getCause().getMessage()));
        }
    }

    private static EnvironmentMatrix.Column column(List<MigrationFile> files, TargetResolver resolver, String name) {
        DatabaseTarget target;
        try {
            target = resolver.named(name).target();
        } catch (PilotException e) {
            return new EnvironmentMatrix.Column(name, null, null, e.getMessage());
        }
        try (Connection c = target.connect()) {
            return new EnvironmentMatrix.Column(name, target.display(), StatusCheck.of(files, new History(c).applied()), null);
        } catch (PilotException e) {
            return new EnvironmentMatrix.Column(name, target.display(), null, e.getMessage());
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? e.getSQLState() : e.getMessage().split("\n")[0];
            return new EnvironmentMatrix.Column(name, target.display(), null, "cannot read the history of " + target.display() + ": " + msg);
        }
    }
}
