package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain English in the shell, through piped input on a dumb terminal against the real embedded
 * PostgreSQL: the plan is shown (SQL, lint, down script) and written only on "y"; `apply` shows
 * what will run and asks again.
 */
class ShellPlanTest {
    private static final String REQUEST = "create table notes with body text";

    @TempDir Path workdir;
    @TempDir Path home;
    private DatabaseTarget db;

    @BeforeEach
    void database() {
        db = TestDatabase.fresh();
    }

    String run(String input, Map<String, String> env) throws IOException {
        PipedShell.Session s = PipedShell.run(workdir, db.display(), home, env, input);
        assertEquals(0, s.exit());
        return s.output();
    }

    String run(String input) throws IOException {
        return run(input, Map.of());
    }

    private List<Path> migrationFiles() throws IOException {
        Path dir = workdir.resolve("supabase/migrations");
        if (!Files.isDirectory(dir)) return List.of();
        // the migrations and their down scripts (in down/)
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('" + name + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void planShowsSqlLintAndDownThenRefusesOnN() throws Exception {
        String out = run("init\n" + REQUEST + "\nn\n");
        assertTrue(out.matches("(?s).*-- \\d{14}_create_notes\\.sql\n.*create table.*"), out);
        assertTrue(out.contains("-- lint\n") && out.contains("error(s)"), out);
        assertTrue(out.matches("(?s).*-- \\d{14}_create_notes\\.down\\.sql\n.*drop table.*"), out);
        assertTrue(out.matches("(?s).*Write \\d{14}_create_notes\\.sql\\? \\[y/N/e\\] .*"), out);
        assertTrue(out.contains("nothing written"), out);
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void emptyAnswerRefusesToo() throws Exception {
        String out = run("init\n" + REQUEST + "\n\n");
        assertTrue(out.contains("nothing written"), out);
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void newWithWordsAsksLikeFreeText() throws Exception {
        String out = run("init\nnew " + REQUEST + "\nn\n");
        assertTrue(out.contains("[y/N/e]") && out.contains("nothing written"), out);
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void planThenApplyCreatesTheTableAfterTwoYeses() throws Exception {
        String out = run("init\n" + REQUEST + "\ny\napply\ny\nstatus\n");
        assertTrue(out.matches("(?s).*wrote .*\\d{14}_create_notes\\.sql\n.*"), out);
        assertEquals(2, migrationFiles().size(), "the migration and its down script");
        assertTrue(out.contains("will run on " + db.display() + ":"), out);
        assertTrue(out.matches("(?s).*will run on.*create table.*Apply 1 migration\\(s\\) on .*\\? \\[y/N\\] .*"), out);
        assertTrue(out.matches("(?s).*applied \\d{14}_create_notes\\.sql \\(\\d+ ms\\).*"), out);
        assertTrue(tableExists("public.notes"), out);
        assertTrue(out.matches("(?s).*\\d{14}\\s+create_notes\\s+applied.*"), "status after apply: " + out);
        assertFalse(out.contains("\u001b"), "a dumb terminal gets no escape codes");
    }

    @Test
    void applyRefusedOnNAppliesNothing() throws Exception {
        String out = run("init\n" + REQUEST + "\ny\napply\nn\n");
        assertTrue(out.contains("nothing applied"), out);
        assertFalse(tableExists("public.notes"));
    }

    @Test
    void applyWithoutAPlanSaysSo() throws Exception {
        String out = run("apply\n");
        assertTrue(out.contains("error: nothing planned in this session"), out);
    }

    @Test
    void editOpensTheEditorThenShowsAndAsksAgain() throws Exception {
        Path editor = home.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nprintf -- '-- edited by hand\\n' >> \"$1\"\n");
        editor.toFile().setExecutable(true);
        String out = run("init\n" + REQUEST + "\ne\ny\n", Map.of("EDITOR", editor.toString()));
        assertEquals(2, out.split("\\[y/N/e\\]", -1).length - 1, "asked again after editing: " + out);
        Path up = migrationFiles().stream().filter(p -> !p.toString().endsWith(".down.sql")).findFirst().orElseThrow();
        assertTrue(Files.readString(up).endsWith("-- edited by hand\n"), Files.readString(up));
    }

    @Test
    void aFailingEditorWritesNothingAndTheShellGoesOn() throws Exception {
        String out = run("init\n" + REQUEST + "\ne\nstatus\n", Map.of("EDITOR", "false"));
        assertTrue(out.contains("error: editor 'false' exited with 1\nnothing written"), out);
        assertTrue(out.contains("no migrations yet"), "the next line still runs: " + out);
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void promptCountsPendingAfterWriting() throws Exception {
        String out = run("init\n" + REQUEST + "\ny\n");
        assertTrue(out.contains("(1 pending)> "), out);
    }
}
