package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** new --rls-test through the command line: the written test passes test-rls once the migration is applied. */
class NewRlsTestCommandTest {
    @Test
    void ownerTableGetsATestFileThatTestRlsPassesAfterUp() throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-new-rls");
        String url = TestDatabase.url(TestDatabase.fresh());
        Cli.Run made = Cli.run(dir, "new", "--rls-test", "--db-url", url, "create table notes with user_id and body text not null");
        assertEquals(0, made.exit(), made.all());
        Path rls = dir.resolve("supabase/tests/rls");
        try (Stream<Path> files = Files.list(rls)) {
            assertEquals(1, files.count());
        }
        assertTrue(made.out().contains("wrote " + rls), made.out());

        Cli.Run before = Cli.run(dir, "test-rls", "--db-url", url);
        assertEquals(1, before.exit(), "the table does not exist before up: " + before.all());
        assertEquals(0, Cli.run(dir, "up", "--yes", "--db-url", url).exit());
        Cli.Run after = Cli.run(dir, "test-rls", "--db-url", url);
        assertEquals(0, after.exit(), after.all());
        assertTrue(after.out().contains("9 passed, 0 failed"), after.out());
    }

    @Test
    void publicPolicySaysWhyNoTestWasWritten() throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-new-rls");
        String url = TestDatabase.url(TestDatabase.fresh());
        assertEquals(0, Cli.run(dir, "new", "--db-url", url, "create table posts with title text and published flag").exit());
        assertEquals(0, Cli.run(dir, "up", "--yes", "--db-url", url).exit());
        Cli.Run r = Cli.run(dir, "new", "--rls-test", "--db-url", url, "anyone can see published posts");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("no RLS test: policy posts_select_public: only owner policies get a generated test\nno RLS test written"), r.out());
    }
}
