package dev.pgpilot.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionAllocatorTest {
    private static final Instant SAME_SECOND = Instant.parse("2026-03-01T12:00:00.250Z");

    @Test
    void plansAskingInTheSameSecondGetDistinctVersionsEvenBeforeAnyFileExists(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("supabase/migrations"));
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> versions = ConcurrentHashMap.newKeySet();
        List<Future<Object>> done = IntStream.range(0, callers).mapToObj(i -> pool.submit(() -> {
            start.await();
            // each caller opens the project itself, as separate bot threads and CLI runs do
            versions.add(new VersionAllocator(Workspace.open(dir)).next(SAME_SECOND));
            return null;
        })).toList();
        start.countDown();
        for (Future<Object> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(callers, versions.size(), versions.toString());
        assertEquals(Set.copyOf(IntStream.range(0, callers).mapToObj(i -> String.format("202603011200%02d", i)).toList()), versions);
    }

    @Test
    void versionComesAfterTheNewestFileWhenTheClockIsBehindIt(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(dir.resolve("supabase/migrations/20300101000000_future.sql"), "select 1;\n");
        assertEquals("20300101000001", new VersionAllocator(Workspace.open(dir)).next(SAME_SECOND));
    }
}
