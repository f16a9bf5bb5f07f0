package dev.pgpilot.core.api.fleet;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.ApplyResult;
import dev.pgpilot.core.api.model.MigrationFailedException;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.api.model.MigrationFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;

/**
 * {@code up} over many databases: each target is an ordinary {@code up} (its own advisory lock, one
 * transaction per migration), at most {@code parallel} at a time. A re-run continues where each
 * target stands, because each target's history says what it still lacks.
 */
public final class Rollout {
    /** What the other targets do when one fails. */
    public enum Policy { STOP_ON_FAILURE, CONTINUE }

    /**
     * @param parallel targets applied at once (at least 1)
     * @param canary   target name applied alone first; when it does not end well nothing else starts (null: none)
     */
    public record Options(int parallel, Policy policy, String canary, UpOptions up) {
        public Options {
            if (parallel < 1) throw PilotException.error("--parallel must be at least 1, not " + parallel, null);
        }
    }

    private final Path workdir;
    private final String source;
    private final String actor;
    private final Clock clock;
    private final Map<String, String> env;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<Runnable> running = ConcurrentHashMap.newKeySet();
    private volatile String stopReason;

    public Rollout(Path workdir, String source, String actor, Clock clock, Map<String, String> env) {
        this.workdir = workdir;
        this.source = source;
        this.actor = actor;
        this.clock = clock;
        this.env = env;
    }

    public RolloutResult run(List<FleetTarget> targets, Options options, RolloutListener listener) {
        List<FleetTarget> rest = new ArrayList<>(targets);
        TargetOutcome canary = null;
        if (options.canary() != null) {
            FleetTarget c = targets.stream().filter(t -> t.name().equals(options.canary())).findFirst()
                    .orElseThrow(() -> PilotException.error("canary " + options.canary() + " is not one of the targets",
                            "targets: " + String.join(", ", targets.stream().map(FleetTarget::name).limit(10).toList())
                                    + (targets.size() > 10 ? ", ..." : "")));
            rest.remove(c);
            canary = one(c, options.up(), listener);
            if (!canary.state().ok()) stop("canary " + c.name() + " " + canary.state().label());
        }
        List<TargetOutcome> outcomes = new ArrayList<>();
        if (canary != null) outcomes.add(canary);
        outcomes.addAll(parallel(rest, options, listener));
        // report in selection order, whatever order they finished in
        outcomes.sort((a, b) -> Integer.compare(targets.indexOf(a.target()), targets.indexOf(b.target())));
        return new RolloutResult(outcomes, options.up().dryRun());
    }

    /** Stops starting targets and cancels the running migrations (each rolls back and is recorded as failed). */
    public void cancel() {
        stop("cancelled");
        running.forEach(Runnable::run);
    }

    private void stop(String why) {
        if (stopped.compareAndSet(false, true)) stopReason = why;
    }

    private List<TargetOutcome> parallel(List<FleetTarget> targets, Options options, RolloutListener listener) {
        if (targets.isEmpty()) return List.of();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallel(), targets.size()), r -> {
            Thread t = new Thread(r, "pgpilot-rollout-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TargetOutcome>> futures = new ArrayList<>();
            for (FleetTarget t : targets) {
                futures.add(pool.submit(() -> {
                    if (stopped.get()) return TargetOutcome.skipped(t, "not started: " + stopReason);
                    TargetOutcome o = one(t, options.up(), listener);
                    if (!o.state().ok() && options.policy() == Policy.STOP_ON_FAILURE) stop(t.name() + " " + o.state().label());
                    return o;
                }));
            }
            List<TargetOutcome> out = new ArrayList<>();
            for (Future<TargetOutcome> f : futures) {
                out.add(join(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static TargetOutcome join(Future<TargetOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PilotException.error("rollout interrupted", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One target's {@code up}; every failure becomes an outcome, so one target never stops the others' reports. */
    private TargetOutcome one(FleetTarget t, UpOptions up, RolloutListener listener) {
        listener.started(t);
        long start = System.nanoTime();
        Pilot pilot = new Pilot(new Pilot.Options(workdir, t.dbUrl(), t.env(), source, actor), clock, env);
        String display = null;
        Runnable[] cancel = new Runnable[1];
        TargetOutcome outcome;
        try {
            display = pilot.where().display();
            ApplyResult r = pilot.up(up, new ApplyListener() {
                @Override
                public void starting(MigrationFile file) {
                    listener.migrating(t, file);
                }

                @Override
                public void cancellable(Runnable c) {
                    if (cancel[0] != null) running.remove(cancel[0]);
                    cancel[0] = c;
                    if (c != null) running.add(c);
                }
            });
            TargetOutcome.State state = r.planned().isEmpty() ? TargetOutcome.State.UP_TO_DATE : TargetOutcome.State.APPLIED;
            outcome = new TargetOutcome(t, display, state, r.planned(), r.applied(), null, null, null, millis(start));
        } catch (MigrationFailedException m) {
            outcome = new TargetOutcome(t, display, TargetOutcome.State.FAILED, List.of(), m.appliedBefore(),
                    m.failed() == null ? null : m.failed().version(), m.getMessage(), m.hint(), millis(start));
        } catch (PilotException e) {
            TargetOutcome.State state = e.exitCode() == PilotException.ERROR ? TargetOutcome.State.ERROR : TargetOutcome.State.REFUSED;
            outcome = new TargetOutcome(t, display, state, List.of(), List.of(), null, e.getMessage(), e.hint(), millis(start));
        } catch (RuntimeException e) {
            // an internal failure on one target is that target's error, never the end of everyone's report
            outcome = new TargetOutcome(t, display, TargetOutcome.State.ERROR, List.of(), List.of(), null,
                    "internal error: " + e, "report it with the output of pgpilot history", millis(start));
        } finally {
            if (cancel[0] != null) running.remove(cancel[0]);
        }
        listener.finished(outcome);
        return outcome;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
