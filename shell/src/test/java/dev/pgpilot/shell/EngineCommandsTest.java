package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgpilot.core.Golden;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** status, up, down, history and repair through {@link Main#execute}, against the real embedded PostgreSQL. */
class EngineCommandsTest {
    private Path dir;
    private DatabaseTarget db;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void project() throws IOException {
        dir = Files.createTempDirectory("pgpilot-shell");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20250101000000_create_notes.sql"), "create table public.notes (id int primary key);\n");
        Files.writeString(m.resolve("20250102000000_add_body.sql"), "alter table public.notes add column body text;\n");
        Path down = Files.createDirectories(m.resolve("down"));
        Files.writeString(down.resolve("20250101000000_create_notes.down.sql"), "drop table public.notes;\n");
        Files.writeString(down.resolve("20250102000000_add_body.down.sql"), "alter table public.notes drop column body;\n");
        db = TestDatabase.fresh();
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", db.display()));
        return runWith(all.toArray(String[]::new));
    }

    @Test
    void statusJsonListsPendingThenAppliedAfterUp() throws Exception {
        Run before = run("status", "--json");
        assertEquals(0, before.exit());
        JsonNode j = new ObjectMapper().readTree(before.out());
        assertEquals(List.of("applied", "pending", "modified", "missing", "out_of_order"), iterable(j.fieldNames()));
        assertEquals(2, j.get("pending").size());
        assertEquals("20250101000000", j.get("pending").get(0).get("version").asText());
        assertEquals("create_notes", j.get("pending").get(0).get("name").asText());

        Run up = run("up", "--yes");
        assertEquals(0, up.exit(), up.err());
        assertTrue(up.out().contains("applied 20250102000000_add_body.sql"), up.out());
        JsonNode after = new ObjectMapper().readTree(run("status", "--json").out());
        assertEquals(2, after.get("applied").size());
        assertEquals(0, after.get("pending").size());
    }

    @Test
    void statusTextIsAnAlignedTable() {
        run("up", "--yes", "--to", "20250101000000");
        Run s = run("status");
        assertEquals(0, s.exit());
        assertTrue(s.out().contains("20250101000000  create_notes  applied"), s.out());
        assertTrue(s.out().contains("20250102000000  add_body      pending"), s.out());
        assertTrue(s.out().contains("1 applied, 1 pending, 0 modified, 0 missing, 0 out of order"), s.out());
    }

    @Test
    void upWithoutTerminalAndWithoutYesRefusesAndAppliesNothing() {
        Run up = run("up");
        assertEquals(1, up.exit());
        assertTrue(up.err().contains("no terminal to confirm on"), up.err());
        assertTrue(up.err().contains("--yes"), up.err());
        assertEquals(2, countPending());
    }

    @Test
    void upDryRunShowsThePlanAndChangesNothing() {
        Run dry = run("up", "--dry-run");
        assertEquals(0, dry.exit());
        assertTrue(dry.out().contains("would apply 2 migration(s) on " + db.display()), dry.out());
        assertEquals(2, countPending());
    }

    @Test
    void failingMigrationExitsOneNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("supabase/migrations/20250103000000_bad.sql"), "select 1;\nselect nope;\n");
        Run up = run("up", "--yes");
        assertEquals(1, up.exit());
        assertTrue(up.err().contains("error: migration failed at supabase/migrations/20250103000000_bad.sql:2: ERROR: column \"nope\" does not exist"), up.err());
        assertTrue(up.err().contains("hint: nothing from 20250103000000_bad.sql was applied"), up.err());
        Run h = run("history");
        assertTrue(h.out().contains("FAILED at line 2"), h.out());
    }

    @Test
    void upJsonListsEachAppliedMigrationWithDurationAndStatementCount() throws Exception {
        Files.writeString(dir.resolve("supabase/migrations/20250103000000_two.sql"), "select 1;\nselect 2;\n");
        Run up = run("up", "--yes", "--json");
        assertEquals(0, up.exit(), up.err());
        JsonNode j = new ObjectMapper().readTree(up.out());
        assertEquals(db.display(), j.get("target").asText());
        assertEquals(List.of("20250101000000", "20250102000000", "20250103000000"),
                iterable(j.get("applied").elements()).stream().map(n -> n.get("version").asText()).toList());
        JsonNode last = j.get("applied").get(2);
        assertEquals("two", last.get("name").asText());
        assertEquals("supabase/migrations/20250103000000_two.sql", last.get("file").asText());
        assertEquals(2, last.get("statements").asInt());
        assertTrue(last.get("duration_ms").isIntegralNumber() && last.get("duration_ms").asLong() >= 0, last.toString());
        assertFalse(j.has("error"));
        JsonNode again = new ObjectMapper().readTree(run("up", "--yes", "--json").out());
        assertEquals(0, again.get("applied").size());
    }

    @Test
    void upJsonOnFailureNamesFileLineAndServerMessageAndWhatWasAppliedBefore() throws Exception {
        Files.writeString(dir.resolve("supabase/migrations/20250103000000_bad.sql"), "select 1;\nselect nope;\n");
        Run up = run("up", "--yes", "--json");
        assertEquals(1, up.exit());
        JsonNode j = new ObjectMapper().readTree(up.out()); // stdout is the JSON object alone
        assertEquals(2, j.get("applied").size());
        JsonNode failed = j.get("failed");
        assertEquals("20250103000000", failed.get("version").asText());
        assertEquals("supabase/migrations/20250103000000_bad.sql", failed.get("file").asText());
        assertEquals(2, failed.get("line").asInt());
        assertEquals("select nope", failed.get("statement").asText());
        assertTrue(failed.get("message").asText().contains("column \"nope\" does not exist"), failed.toString());
        assertTrue(j.get("error").get("message").asText().startsWith("migration failed at"), j.toString());
        assertTrue(up.err().startsWith("error: migration failed at"), up.err());
    }

    @Test
    void upJsonWithoutYesRefusesWithExitOneAndAJsonError() throws Exception {
        Run up = run("up", "--json");
        assertEquals(1, up.exit());
        JsonNode j = new ObjectMapper().readTree(up.out());
        assertEquals(0, j.get("applied").size());
        assertTrue(j.get("error").get("message").asText().contains("no terminal to confirm on"), j.toString());
        assertEquals(2, countPending());
        JsonNode dry = new ObjectMapper().readTree(run("up", "--json", "--dry-run").out());
        assertTrue(dry.get("dry_run").asBoolean());
        assertEquals(2, dry.get("planned").size());
    }

    @Test
    void duplicateVersionsStopUpAndStatusNamingBothFilesAndNothingIsApplied() throws IOException {
        Files.writeString(dir.resolve("supabase/migrations/20250102000000_from_other_branch.sql"), "create table public.other (id int);\n");
        for (String command : List.of("up", "status")) {
            Run r = run(command, "--yes");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("error: duplicate migration version 20250102000000: 20250102000000_add_body.sql and "
                    + "20250102000000_from_other_branch.sql"), r.err());
            assertTrue(r.err().contains("hint: give one of them a new timestamp"), r.err());
        }
        Files.delete(dir.resolve("supabase/migrations/20250102000000_from_other_branch.sql"));
        assertEquals(2, countPending());
    }

    @Test
    void downAndRepairAskFirstThenChangeTheHistory() throws Exception {
        run("up", "--yes");
        assertEquals(1, run("down").exit());
        Run down = run("down", "--yes", "--steps", "2");
        assertEquals(0, down.exit(), down.err());
        assertTrue(down.out().contains("reverted 20250101000000_create_notes"), down.out());
        assertEquals(2, countPending());
        assertEquals(1, run("repair", "20250101000000", "--status", "applied").exit());
        Run repair = run("repair", "20250101000000", "--status", "applied", "--yes");
        assertEquals(0, repair.exit(), repair.err());
        assertEquals(1, countPending());
        JsonNode h = new ObjectMapper().readTree(run("history", "--json").out());
        assertEquals(List.of("up", "up", "down", "down", "repair"), iterable(h.elements()).stream().map(n -> n.get("action").asText()).toList());
        assertTrue(h.get(0).get("success").asBoolean());
        assertFalse(h.get(0).get("reverted_at").isNull());
    }

    @Test
    void theFirstCommandMovesDownScriptsLeftBesideTheirMigrationsAndSaysSo() throws IOException {
        Path m = dir.resolve("supabase/migrations");
        Files.move(m.resolve("down/20250101000000_create_notes.down.sql"), m.resolve("20250101000000_create_notes.down.sql"));
        Files.move(m.resolve("down/20250102000000_add_body.down.sql"), m.resolve("20250102000000_add_body.down.sql"));
        Run first = run("status");
        assertEquals(0, first.exit(), first.err());
        Golden.assertMatches("cli/moved-down-scripts.txt", first.err());
        assertEquals("drop table public.notes;\n", Files.readString(m.resolve("down/20250101000000_create_notes.down.sql")));
        assertFalse(Files.exists(m.resolve("20250101000000_create_notes.down.sql")));
        assertEquals("", run("status").err(), "moved once, said once");
        assertEquals(0, run("up", "--yes").exit());
        assertEquals(0, run("down", "--yes", "--steps", "2").exit(), "down finds the moved scripts");
    }

    @Test
    void downDryRunShowsTheSqlOfEachDownScriptAndRevertsNothing() {
        run("up", "--yes");
        Run dry = run("down", "--dry-run", "--steps", "2");
        assertEquals(0, dry.exit(), dry.err());
        assertEquals("would revert on " + db.display() + ":\n"
                + "-- 20250102000000_add_body.down.sql\nalter table public.notes drop column body;\n"
                + "-- 20250101000000_create_notes.down.sql\ndrop table public.notes;\n", dry.out());
        assertEquals(0, countPending());
    }

    @Test
    void downShowsTheSqlBeforeItAsks() {
        run("up", "--yes");
        Run refused = run("down");
        assertEquals(1, refused.exit());
        assertEquals("to revert on " + db.display() + ":\n-- 20250102000000_add_body.down.sql\nalter table public.notes drop column body;\n",
                refused.out());
        assertTrue(refused.err().contains("down not run: no terminal to confirm on"), refused.err());
        assertEquals(0, countPending());
    }

    @Test
    void aDownScriptWithoutStatementsIsRefusedAndNothingIsReverted() throws IOException {
        run("up", "--yes");
        Files.writeString(dir.resolve("supabase/migrations/down/20250102000000_add_body.down.sql"), "-- Down: reverts add_body\n");
        Run down = run("down", "--yes");
        assertEquals(1, down.exit());
        assertTrue(down.err().startsWith("error: cannot revert 20250102000000_add_body.sql: its down script "), down.err());
        assertTrue(down.err().contains("has no statements; nothing was reverted"), down.err());
        assertEquals(0, countPending());
    }

    @Test
    void missingDownScriptIsAOneLineRefusal() throws IOException {
        run("up", "--yes");
        Files.delete(dir.resolve("supabase/migrations/down/20250102000000_add_body.down.sql"));
        Run down = run("down", "--yes");
        assertEquals(1, down.exit());
        assertTrue(down.err().startsWith("error: no down script for 20250102000000_add_body.sql"), down.err());
    }

    @Test
    void wrongPasswordOrUnreachableDatabaseNeverPrintsThePassword() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"status", "--workdir", dir.toString(), "--db-url",
                "postgresql://app:s3cr3t-Pw@127.0.0.1:1/app"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: cannot connect to postgresql://app@127.0.0.1:1/app"), err.toString());
        assertTrue(err.toString().contains("hint: is the server running"), err.toString());
        assertFalse((out.toString() + err).contains("s3cr3t"));
    }

    @Test
    void wrongPasswordForARealRoleIsOneLineWithoutThePassword() {
        TestDatabase.passwordRole("pgpilot_pw_role", "Right-pw-4711");
        String base = "@" + db.host() + ":" + db.port() + "/" + db.jdbcUrl().replaceFirst("^.*/", "");
        Run ok = runWith("status", "--db-url", "postgresql://pgpilot_pw_role:Right-pw-4711" + base);
        assertEquals(0, ok.exit(), ok.err()); // the role can log in with its password, so the refusal below is the password's
        Run wrong = runWith("status", "--db-url", "postgresql://pgpilot_pw_role:Wrong-pw-0815" + base);
        assertEquals(2, wrong.exit());
        List<String> lines = wrong.err().lines().toList();
        assertEquals(2, lines.size(), wrong.err());
        assertEquals("error: cannot connect to postgresql://pgpilot_pw_role" + base
                + ": FATAL: password authentication failed for user \"pgpilot_pw_role\"", lines.get(0));
        assertEquals("hint: check the user name and password", lines.get(1));
        assertFalse((wrong.out() + wrong.err()).contains("Wrong-pw-0815"));
        Run json = runWith("status", "--json", "--db-url", "postgresql://pgpilot_pw_role:Wrong-pw-0815" + base);
        assertEquals(2, json.exit());
        assertFalse((json.out() + json.err()).contains("Wrong-pw-0815"));
    }

    /** Runs with the project folder but the caller's --db-url. */
    private Run runWith(String... args) {
        // Global options are accepted by every subcommand, after its name.
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workdir", dir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private long countPending() {
        try {
            return new ObjectMapper().readTree(run("status", "--json").out()).get("pending").size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
