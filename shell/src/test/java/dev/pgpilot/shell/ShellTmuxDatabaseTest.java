package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real terminal (tmux) against the embedded PostgreSQL of the tests: table names
 * completed from the live catalog, the write question refusing on "n" and on an empty answer,
 * plan-then-apply on a protected environment, Ctrl-C during a slow up.
 */
class ShellTmuxDatabaseTest {
    private static final String REQUEST = "create table notes with body text";

    @TempDir Path workdir;
    @TempDir Path home;
    private DatabaseTarget db;
    private Tmux shell;

    @BeforeEach
    void database() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        db = TestDatabase.fresh();
        Files.createDirectories(workdir.resolve("supabase/migrations"));
    }

    @AfterEach
    void stopShell() throws Exception {
        if (shell != null) shell.close();
    }

    private void start() throws Exception {
        shell = Tmux.shell(Map.of("HOME", home.toString()), "--workdir", workdir.toString(), "--db-url", db.display());
        assertTrue(shell.shows("pgpilot 127.0.0.1>"), shell.screen());
    }

    @Test
    void tabCompletesATableNameFromTheLiveCatalog() throws Exception {
        sql("create table public.quokka_sightings (id int primary key, seen_at timestamptz)");
        start();
        // a name no other table or column is one typo away from, so only the catalog can complete it
        boolean completed = false;
        for (int i = 0; i < 6 && !completed; i++) { // a Tab before the catalog is read offers nothing: clear and try again
            shell.keys("C-u");
            shell.keys("-l", "add notes to quok");
            shell.keys("Tab");
            completed = Tmux.waitFor(() -> shell.screen().contains("add notes to quokka_sightings"), 5);
        }
        assertTrue(completed, shell.screen());
    }

    @Test
    void writeQuestionRefusesOnNAndOnEmptyAnswer() throws Exception {
        start();
        shell.line(REQUEST);
        assertTrue(shell.shows("[y/N/e]"), shell.screen());
        shell.line("n");
        assertTrue(shell.shows("nothing written"), shell.screen());
        assertTrue(shell.showsTimes("pgpilot 127.0.0.1>", 2), shell.screen()); // type at the prompt, not into cooked mode
        shell.line(REQUEST);
        assertTrue(shell.showsTimes("[y/N/e]", 2), shell.screen());
        shell.keys("Enter");
        assertTrue(shell.showsTimes("nothing written", 2), shell.screen());
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void eOpensTheEditorOnTheTerminalThenAsksAgain() throws Exception {
        Path editor = home.resolve("editor.sh"); // an interactive editor: reads a line typed on the terminal
        Files.writeString(editor, "#!/bin/sh\nprintf 'note: '\nread note\nprintf -- '-- %s\\n' \"$note\" >> \"$1\"\n");
        editor.toFile().setExecutable(true);
        shell = Tmux.shell(Map.of("HOME", home.toString(), "EDITOR", editor.toString()),
                "--workdir", workdir.toString(), "--db-url", db.display());
        assertTrue(shell.shows("pgpilot 127.0.0.1>"), shell.screen());
        shell.line(REQUEST);
        assertTrue(shell.shows("[y/N/e]"), shell.screen());
        shell.line("e");
        assertTrue(shell.shows("note: "), shell.screen());
        shell.line("typed in the editor");
        assertTrue(shell.showsTimes("[y/N/e]", 2), shell.screen());
        shell.line("y");
        assertTrue(shell.shows("type apply to run it"), shell.screen());
        Path up = migrationFiles().stream().filter(p -> !p.toString().endsWith(".down.sql")).findFirst().orElseThrow();
        assertTrue(Files.readString(up).endsWith("-- typed in the editor\n"), Files.readString(up));
    }

    @Test
    void planThenApplyOnAProtectedEnvironmentNeedsItsNameTyped() throws Exception {
        Files.writeString(workdir.resolve("pgpilot.yaml"), "environments:\n  production:\n    url_env: PGPILOT_TEST_PROD_URL\n    protected: true\n");
        shell = Tmux.shell(Map.of("HOME", home.toString(), "PGPILOT_TEST_PROD_URL", db.display()),
                "--workdir", workdir.toString(), "--env", "production");
        assertTrue(shell.shows("pgpilot production!>"), shell.screen());
        assertTrue(shell.screenWithColors().matches("(?s).*\u001b\\[[0-9;]*31m[^\n]*pgpilot production!>.*"),
                "the protected prompt is red: " + shell.screenWithColors().replace("\u001b", "ESC"));
        shell.line(REQUEST);
        assertTrue(shell.shows("[y/N/e]"), shell.screen());
        shell.line("y");
        assertTrue(shell.shows("pgpilot production! (1 pending)>"), shell.screen());
        assertEquals(2, migrationFiles().size());

        shell.line("apply");
        assertTrue(shell.shows("Type 'production' to continue:"), shell.screen());
        assertTrue(shell.screen().contains("(protected environment production):"), shell.screen());
        shell.line("yes");
        assertTrue(shell.shows("nothing applied"), shell.screen());
        assertFalse(tableExists("public.notes"), "a wrong name applies nothing");
        assertTrue(shell.showsTimes("pgpilot production! (1 pending)>", 2), shell.screen());
        shell.line("apply");
        assertTrue(shell.showsTimes("Type 'production' to continue:", 2), shell.screen());
        shell.line("production");
        assertTrue(shell.shows("done: 1 applied"), shell.screen());
        assertTrue(tableExists("public.notes"));
        assertTrue(shell.shows(s -> s.lines().anyMatch(l -> l.strip().equals("pgpilot production!>"))), "no pending left: " + shell.screen());
    }

    @Test
    void ctrlCDuringASlowUpRollsTheMigrationBackAndRecordsIt() throws Exception {
        Path dir = workdir.resolve("supabase/migrations");
        Files.writeString(dir.resolve("20250101000000_fast.sql"), "create table public.fast (id int primary key);\n");
        Files.writeString(dir.resolve("20250102000000_slow.sql"), "create table public.slow (id int primary key);\nselect pg_sleep(120);\n");
        start();
        shell.line("up");
        assertTrue(shell.shows("[y/N]"), shell.screen());
        shell.line("y");
        assertTrue(shell.shows("applying 20250102000000_slow.sql"), "the progress bar names the running file: " + shell.screen());
        assertTrue(shell.screen().contains("[##########----------] 1/2 applying 20250102000000_slow.sql"),
                "the bar counts finished migrations, not the running one: " + shell.screen());
        Thread.sleep(1000); // pg_sleep is running on the server
        shell.keys("C-c");
        assertTrue(shell.shows("20250102000000_slow.sql was rolled back"), shell.screen());
        assertTrue(shell.shows("pgpilot 127.0.0.1 (1 pending)>"), shell.screen());
        assertTrue(tableExists("public.fast"));
        assertFalse(tableExists("public.slow"));
        assertEquals(1, count("select count(*) from pgpilot.migration_log where version = '20250102000000' and not success"
                + " and error = 'cancelled by the user' and source = 'shell'"));

        shell.line("status");
        assertTrue(shell.shows("1 applied, 1 pending"), shell.screen());
        String colours = shell.screenWithColors();
        assertTrue(colours.contains("\u001b[32m") && colours.contains("\u001b[33m"),
                "applied green, pending yellow: " + colours.replace("\u001b", "ESC"));
        shell.line("history");
        assertTrue(shell.shows("FAILED"), shell.screen());
        assertTrue(shell.screenWithColors().matches("(?s).*\u001b\\[[0-9;]*31m[^\n]*FAILED.*"),
                "the failed attempt is red: " + shell.screenWithColors().replace("\u001b", "ESC"));
    }

    @Test
    void applyShowsEveryMigrationThatWillRunWithItsSqlBeforeAsking() throws Exception {
        Path dir = workdir.resolve("supabase/migrations");
        Files.writeString(dir.resolve("20250101000000_earlier.sql"), "create table public.earlier (id bigint primary key);\n");
        start();
        shell.line(REQUEST);
        assertTrue(shell.shows("[y/N/e]"), shell.screen());
        shell.line("y");
        assertTrue(shell.shows("type apply to run it"), shell.screen());
        assertTrue(shell.showsTimes("pgpilot 127.0.0.1 (2 pending)>", 1), shell.screen());
        shell.line("apply");
        assertTrue(shell.shows("Apply 2 migration(s) on"), shell.screen());
        String screen = shell.screen();
        String shown = screen.substring(screen.lastIndexOf("will run on"));
        assertTrue(shown.contains("-- 20250101000000_earlier.sql\ncreate table public.earlier (id bigint primary key);\n"), shown);
        String written = migrationFiles().stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_create_notes.sql")).findFirst().orElseThrow();
        assertTrue(shown.indexOf("-- " + written) > shown.indexOf("-- 20250101000000_earlier.sql"), "both files, in the order they run: " + shown);
        assertTrue(shown.contains("create table if not exists \"public\".\"notes\""), "the planned file's SQL: " + shown);
        shell.line("n");
        assertTrue(shell.shows("nothing applied"), shell.screen());
        assertFalse(tableExists("public.earlier"));
    }

    @Test
    void applyRefusesLintErrorsBeforeAnyQuestion() throws Exception {
        Files.writeString(workdir.resolve("supabase/migrations/20250101000000_wipe.sql"), "delete from auth.users;\n");
        start();
        shell.line(REQUEST);
        assertTrue(shell.shows("[y/N/e]"), shell.screen());
        shell.line("y");
        assertTrue(shell.shows("type apply to run it"), shell.screen());
        assertTrue(shell.showsTimes("pgpilot 127.0.0.1", 2), shell.screen());
        shell.line("apply");
        assertTrue(shell.shows("pending migrations have lint errors; nothing was applied"), shell.screen());
        assertTrue(shell.screen().contains("20250101000000_wipe.sql:1"), shell.screen());
        assertFalse(shell.screen().contains("[y/N]"), "no question is asked for what will be refused: " + shell.screen());
        assertFalse(shell.screen().contains("will run on"), shell.screen());
    }

    @Test
    void anApostropheInARequestNeverLeavesAContinuationPrompt() throws Exception {
        sql("create table public.tasks (id int primary key, title text, done boolean)");
        start();
        shell.line("we don't need tasks.done");
        assertTrue(shell.shows(s -> s.contains("[y/N/e]") || s.contains("error:")), shell.screen());
        assertFalse(shell.screen().contains("...>"), shell.screen());
        if (shell.screen().contains("[y/N/e]")) shell.line("n");
        assertTrue(shell.showsTimes("pgpilot 127.0.0.1>", 2), "back at the prompt: " + shell.screen());
        shell.line("sql select 'it''s fine' as said, 'the users'' emails' as also");
        assertTrue(shell.shows("it's fine  the users' emails"), shell.screen());
        assertFalse(shell.screen().contains("...>"), shell.screen());
    }

    @Test
    void confirmAnswersAreNotKeptInTheHistory() throws Exception {
        start();
        shell.line(REQUEST);
        assertTrue(shell.shows("[y/N/e]"), shell.screen());
        shell.line("n");
        assertTrue(shell.shows("nothing written"), shell.screen());
        assertTrue(shell.showsTimes("pgpilot 127.0.0.1>", 2), shell.screen());
        shell.keys("Up");
        assertTrue(shell.shows("pgpilot 127.0.0.1> " + REQUEST), "Up recalls the request, not the answer: " + shell.screen());
        shell.keys("C-u");
        shell.line("exit");
        assertTrue(Tmux.waitFor(() -> !shell.alive()), shell.screen());
        List<String> history = Files.readAllLines(home.resolve(".pgpilot/history"));
        assertTrue(history.stream().anyMatch(l -> l.endsWith(REQUEST)), history.toString());
        assertTrue(history.stream().noneMatch(l -> l.endsWith(":n") || l.equals("n")), history.toString());
    }

    @Test
    void tabAfterATableAndADotListsThatTablesColumnsOnly() throws Exception {
        sql("create table public.tasks (id int primary key, title text, done boolean)");
        sql("create table public.projects (id int primary key, budget numeric)");
        start();
        boolean listed = false;
        for (int i = 0; i < 6 && !listed; i++) { // a Tab before the catalog is read offers nothing: clear and try again
            shell.keys("C-u");
            shell.keys("-l", "rename tasks.");
            shell.keys("Tab");
            listed = Tmux.waitFor(() -> shell.screen().contains("columns of tasks"), 5);
        }
        assertTrue(listed, shell.screen());
        String screen = shell.screen();
        List<String> lines = screen.lines().toList();
        String list = lines.get(lines.indexOf("columns of tasks") + 1);
        assertEquals(List.of("done", "id", "title"), List.of(list.strip().split("\\s+")), "that table's columns: " + screen);
        assertTrue(screen.contains("pgpilot 127.0.0.1> rename tasks."), "the dot stays: " + screen);
        assertFalse(screen.contains("encrypted_password") || screen.contains("budget"), "no other table's columns: " + screen);
        shell.keys("t", "i", "Tab");
        assertTrue(shell.shows("pgpilot 127.0.0.1> rename tasks.title"), "completes to table.column: " + shell.screen());
    }

    @Test
    void sqlAndMetaCommandsShowRowsAsATableAndRefuseWrites() throws Exception {
        sql("create table public.notes (id bigint primary key, body text not null default 'x')");
        sql("insert into public.notes values (1, 'first'), (2, 'second')");
        start();
        shell.line("\\d public.notes");
        assertTrue(shell.shows("(2 rows)") && shell.showsTimes("pgpilot 127.0.0.1>", 2), shell.screen());
        Golden.assertMatches("shell/describe-notes.txt", between(shell.screen(), "> \\d public.notes\n", "pgpilot 127.0.0.1>"));
        shell.line("sql select id, body from public.notes order by id");
        assertTrue(shell.showsTimes("(2 rows)", 2) && shell.showsTimes("pgpilot 127.0.0.1>", 3), shell.screen());
        Golden.assertMatches("shell/select-notes.txt", between(shell.screen(), "> sql select id, body from public.notes order by id\n", "pgpilot 127.0.0.1>"));
        shell.line("\\dt");
        assertTrue(shell.shows(s -> s.lines().anyMatch(l -> l.matches("public\\s+notes\\s+off"))), shell.screen());
        shell.line("sql delete from public.notes");
        assertTrue(shell.shows("error: sql only reads: cannot execute DELETE in a read-only transaction; nothing was changed"), shell.screen());
        assertTrue(shell.shows("hint: changes go through migrations"), shell.screen());
        assertEquals(2, count("select count(*) from public.notes"));
    }

    @Test
    void thePendingCountFollowsAnUpRunInAnotherTerminal() throws Exception {
        Files.writeString(workdir.resolve("supabase/migrations/20250101000000_elsewhere.sql"), "create table public.elsewhere (id bigint primary key);\n");
        start();
        assertTrue(shell.shows("pgpilot 127.0.0.1 (1 pending)>"), shell.screen());
        Cli.Run up = Cli.run(workdir, "up", "--yes", "--db-url", db.display());
        assertEquals(0, up.exit(), up.all());
        assertTrue(shell.shows(s -> s.stripTrailing().endsWith("pgpilot 127.0.0.1>")), "redrawn without a key pressed: " + shell.screen());
    }

    /** The text between the end of {@code from} (its last occurrence) and the next {@code to}. */
    private static String between(String screen, String from, String to) {
        int start = screen.lastIndexOf(from) + from.length();
        return screen.substring(start, screen.indexOf(to, start));
    }

    private List<Path> migrationFiles() throws Exception {
        // the migrations and their down scripts (in down/)
        try (Stream<Path> s = Files.walk(workdir.resolve("supabase/migrations"))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean tableExists(String name) throws SQLException {
        return count("select count(*) from pg_class where oid = to_regclass('" + name + "')") == 1;
    }
}
