package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that reads a project, run where there is none (a mistyped --workdir, a folder with no
 * supabase/ and no pgpilot.yaml), says so with exit 2 and creates nothing: no folder, no local
 * database cluster, no server process.
 */
class OutsideAProjectTest {
    /** Every command that reads the project (and those that would change its database). */
    static final List<List<String>> PROJECT_COMMANDS = List.of(
            List.of("status"), List.of("status", "--json"), List.of("history"), List.of("diff"), List.of("lint"),
            List.of("db", "status"), List.of("db", "start"), List.of("db", "stop"), List.of("test-rls"), List.of("test"),
            List.of("gen", "types", "typescript"), List.of("up", "--dry-run"), List.of("up", "--yes"),
            List.of("down", "--dry-run"), List.of("repair", "20250101000000", "--status", "applied", "--yes"), List.of("reset", "--yes"));

    @TempDir Path parent;

    @Test
    void aFolderThatDoesNotExistIsNamedWithExitTwoAndIsNotCreated() {
        Path missing = parent.resolve("nonexistent/x");
        for (List<String> command : PROJECT_COMMANDS) {
            Cli.Run r = Cli.run(missing, command.toArray(String[]::new));
            assertEquals(2, r.exit(), command + ": " + r.all());
            assertTrue(r.err().startsWith("error: " + missing + " does not exist\nhint: run `pgpilot init`"), command + ": " + r.err());
            assertFalse(Files.exists(parent.resolve("nonexistent")), command + " created " + missing);
        }
        assertEquals(List.of(), serversUnder(parent));
    }

    @Test
    void aFolderWithoutSupabaseOrConfigIsNamedWithExitTwoAndStaysEmpty() throws IOException {
        Path empty = Files.createDirectory(parent.resolve("not-a-project"));
        for (List<String> command : PROJECT_COMMANDS) {
            Cli.Run r = Cli.run(empty, command.toArray(String[]::new));
            assertEquals(2, r.exit(), command + ": " + r.all());
            assertTrue(r.err().startsWith("error: " + empty + " is not a pgpilot project (no supabase/ folder, no pgpilot.yaml)\n"
                    + "hint: run `pgpilot init` in your project folder"), command + ": " + r.err());
            try (Stream<Path> inside = Files.list(empty)) {
                assertEquals(List.of(), inside.toList(), command + " created files");
            }
        }
        assertEquals(List.of(), serversUnder(parent));
    }

    @Test
    void lintOfNamedFilesNeedsNoProject() throws IOException {
        Path file = Files.writeString(parent.resolve("one.sql"), "create table public.t (id bigint primary key);\n");
        Cli.Run r = Cli.run(parent, "lint", file.toString());
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void initMakesTheFolderAProject() {
        Path fresh = parent.resolve("fresh");
        assertEquals(0, Cli.run(fresh, "init").exit());
        Cli.Run lint = Cli.run(fresh, "lint");
        assertEquals(0, lint.exit(), lint.all());
    }

    private static List<String> serversUnder(Path dir) {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("postgres") && c.contains(dir.toString())).toList();
    }
}
