package dev.pgpilot.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pgpilot.core.api.InternalAccess;
import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.PilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The plain-English planner on random text, through its public entry point ({@link Pilot#plan}, what
 * {@code new}, the shell and Slack call): nonsense is refused with exit 1 and nothing is planned, word
 * salad built from real request words is planned or refused (never another exception, never exit 2,
 * never a hang), and no migration file appears either way.
 */
class RequestParserFuzzTest {
    private static final List<String> WORDS = List.of("add", "create", "drop", "rename", "index", "table", "column", "to", "on", "of",
            "orders", "customers", "posts", "total", "email", "text", "integer", "default", "references", "unique", "required",
            "users", "can", "read", "their", "own", "enable", "rls", "bucket", "enum", "with", "and", "'x'", "\"y\"", ";", "--", "(", ")",
            "the", "a", "not", "null", "where", "is", "5", "-", "_", "full_name", "order_status", "comment", "policy", "only");
    private static Catalog catalog;
    private static Path workdir;
    private static ExecutorService runner;

    @BeforeContainer
    static void load() throws IOException {
        catalog = Fixture.catalog(Fixture.fresh());
        workdir = Files.createTempDirectory("pgpilot-nl-fuzz");
        Files.createDirectories(workdir.resolve("supabase/migrations"));
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nl-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterContainer
    static void stop() {
        runner.shutdownNow();
    }

    private static Pilot pilot() {
        return new Pilot(new Pilot.Options(workdir, null, null, "cli", "fuzz"), Clock.systemUTC(), Map.of());
    }

    /** The planner's answer: a plan, or the refusal it threw; anything else fails the property. */
    private static Object outcome(String text) throws Exception {
        Future<Object> f = runner.submit(() -> {
            try {
                return InternalAccess.plan(pilot(), text, catalog);
            } catch (PilotException e) {
                return e;
            }
        });
        Object r = f.get(10, TimeUnit.SECONDS); // a hang guard: a request takes well under a millisecond
        try (Stream<Path> files = Files.list(workdir.resolve("supabase/migrations"))) {
            assertEquals(List.of(), files.toList(), "planning wrote a file");
        }
        return r;
    }

    @Property
    void nonsenseIsRefusedWithExitOneAndNothingIsPlanned(@ForAll("nonsense") String text) throws Exception {
        Object r = outcome(text);
        if (r instanceof PilotException e) {
            assertEquals(PilotException.REFUSED, e.exitCode(), () -> "exit " + e.exitCode() + " for " + text + ": " + e.getMessage());
        } else {
            fail("planned a migration for nonsense: " + text);
        }
    }

    @Property
    void wordSaladIsPlannedOrRefusedNeverACrash(@ForAll("salad") String text) throws Exception {
        Object r = outcome(text);
        if (r instanceof PilotException e) {
            // schema words can make a real request that already holds ("posts rls"): "nothing to do" is an answer too
            assertTrue(e.exitCode() == PilotException.REFUSED || e.exitCode() == PilotException.NOTHING_TO_DO,
                    () -> "exit " + e.exitCode() + " for " + text + ": " + e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> nonsense() {
        return Arbitraries.strings().withChars("qxzjkvwy0123456789 .,;:!?'\"()[]{}<>=+-*/\\|@#$%^&~`\t\n\u00e9\u4e2d")
                .ofMinLength(0).ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> salad() {
        return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(14).map(w -> String.join(" ", w));
    }
}
