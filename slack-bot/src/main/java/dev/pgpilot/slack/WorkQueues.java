package dev.pgpilot.slack;

import dev.pgpilot.core.api.approval.Approval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the bot's work runs after Slack got its answer. Applies go to one queue per environment,
 * one at a time in the order they were approved; everything else (status, history, pending, plan
 * requests, clicks) runs on a separate pool, so a long migration never keeps a status waiting.
 */
final class WorkQueues {
    private static final Logger LOG = LoggerFactory.getLogger(WorkQueues.class);
    /** Reads are short database queries; this many at once answers a busy channel without crowding 2 cores. */
    private static final int READERS = 8;

    private final ExecutorService reads = Executors.newFixedThreadPool(READERS, daemon("pgpilot-slack-read"));
    private final Map<String, ExecutorService> applies = new ConcurrentHashMap<>();
    private final Map<String, Approval> running = new ConcurrentHashMap<>();

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    void read(Runnable work) {
        reads.execute(logged(work));
    }

    /** Queues an approved change behind the others of its environment. */
    void apply(String environment, Approval approval, Runnable work) {
        ExecutorService queue = applies.computeIfAbsent(environment,
                env -> Executors.newSingleThreadExecutor(daemon("pgpilot-slack-apply-" + env)));
        running.put(approval.id(), approval);
        try {
            queue.execute(logged(() -> {
                try {
                    work.run();
                } finally {
                    running.remove(approval.id());
                }
            }));
        } catch (RejectedExecutionException e) {
            running.remove(approval.id());
            throw e;
        }
    }

    private static Runnable logged(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("background work failed", e);
            }
        };
    }

    /**
     * Stops taking work, lets running applies finish for up to {@code grace}, and returns the
     * approvals still running then (the next start reconciles them with the history).
     */
    List<Approval> stop(Duration grace) {
        reads.shutdown();
        applies.values().forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ExecutorService queue : applies.values()) {
            try {
                queue.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new ArrayList<>(running.values());
    }

    void shutdownNow() {
        reads.shutdownNow();
        applies.values().forEach(ExecutorService::shutdownNow);
    }
}
