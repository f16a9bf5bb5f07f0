package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request with two readings in the shell: the core's readings are offered as numbered choices,
 * the chosen one is planned and shown, and nothing is written without a choice. The CLI refuses
 * the same request with exit 1, listing the readings. Real embedded PostgreSQL, piped terminal.
 */
class ShellReadingsTest {
    @TempDir Path workdir;
    @TempDir Path home;
    private DatabaseTarget db;

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.fresh();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.notes (id uuid primary key default gen_random_uuid(), body text)");
            s.execute("create table public.tasks (id uuid primary key default gen_random_uuid(), title text, notes text)");
        }
    }

    private List<String> migrationFiles() throws Exception {
        Path dir = workdir.resolve("supabase/migrations");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** The lines from the readings to the planned request, the part of the screen that is the same on every run. */
    private static String choices(String out) {
        int from = out.indexOf("\"remove notes\" can mean:");
        int to = out.indexOf('\n', out.indexOf("planning:", from) < 0 ? out.indexOf("nothing written", from) : out.indexOf("planning:", from));
        return out.substring(from, to + 1);
    }

    @Test
    void choosingAReadingByNumberPlansThatReadingAndWritesItOnYes() throws Exception {
        PipedShell.Session s = PipedShell.run(workdir, db.display(), home, Map.of(), "init\nremove notes\n2\ny\n");
        assertEquals(0, s.exit(), s.output());
        Golden.assertMatches("shell/readings_chosen.txt", choices(s.output()));
        assertTrue(s.output().contains("alter table \"public\".\"tasks\" drop column if exists \"notes\""), s.output());
        List<String> files = migrationFiles();
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).matches("\\d{14}_drop_notes_from_tasks\\.sql"), files.toString());
        assertTrue(files.get(1).matches("down/\\d{14}_drop_notes_from_tasks\\.down\\.sql"), files.toString());
    }

    @Test
    void anAnswerThatIsNoReadingWritesNothing() throws Exception {
        PipedShell.Session s = PipedShell.run(workdir, db.display(), home, Map.of(), "init\nremove notes\n3\n");
        assertEquals(0, s.exit(), s.output());
        Golden.assertMatches("shell/readings_cancelled.txt", choices(s.output()));
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void theCliRefusesListingTheReadingsAndWritesNothing() throws Exception {
        Cli.Run r = Cli.run(workdir, "new", "remove notes", "--db-url", db.display());
        assertEquals(1, r.exit(), r.all());
        Golden.assertMatches("shell/readings_cli.txt", r.err());
        assertEquals(List.of(), migrationFiles());
    }
}
