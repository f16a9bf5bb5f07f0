package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.shell.repl.ShellCompleterAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Tab offers in the shell, word by word (the tmux tests press Tab on a real terminal). */
class ShellCompletionTest {
    private static final PrintWriter SINK = new PrintWriter(new StringWriter());

    private static List<String> complete(String line, DatabaseTarget catalog) {
        return ShellCompleterAccess.complete(Main.commandLine(SINK, SINK), List.of("staging", "production"),
                List.of("20250101000000", "20250102000000"), () -> catalog, line);
    }

    @Test
    void firstWordOffersCommandsAndTheShellsOwnWords() {
        List<String> c = complete("", null);
        assertTrue(c.containsAll(List.of("status", "up", "down", "new", "help", "apply", "exit")), c.toString());
    }

    @Test
    void optionsOfTheCommand() {
        List<String> c = complete("up --", null);
        assertTrue(c.containsAll(List.of("--to", "--dry-run", "--env", "--no-color")), c.toString());
    }

    @Test
    void versionsForDownToAndRepair() {
        assertTrue(complete("down --to ", null).containsAll(List.of("20250101000000", "20250102000000")));
        assertTrue(complete("repair ", null).contains("20250102000000"));
    }

    @Test
    void environmentNamesAfterEnv() {
        assertTrue(complete("status --env ", null).containsAll(List.of("staging", "production")));
    }

    @Test
    void tableAndColumnNamesFromTheLiveCatalog() throws Exception {
        DatabaseTarget db = TestDatabase.fresh();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.invoices (id int primary key, total_amount numeric)");
        }
        List<String> c = complete("add notes to ", db);
        assertTrue(c.contains("invoices") && c.contains("total_amount"), c.toString());
        assertTrue(c.stream().noneMatch(n -> n.startsWith("pgpilot.") || n.startsWith("supabase_migrations.")),
                "pgpilot's own tables are not offered: " + c);
    }

    @Test
    void afterATableAndADotOnlyThatTablesColumnsKeepingTheDot() throws Exception {
        DatabaseTarget db = TestDatabase.fresh();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.tasks (id int primary key, title text, done boolean)");
            s.execute("create table public.projects (id int primary key, budget numeric)");
        }
        assertEquals(List.of("tasks.id", "tasks.title", "tasks.done"), complete("rename tasks.", db));
        assertTrue(complete("rename auth.users.", db).contains("auth.users.email"), "a table of another schema when named");
        assertTrue(complete("rename auth.", db).contains("auth.users"), "a schema's tables after schema.");
        List<String> plain = complete("add notes to ", db);
        assertTrue(plain.containsAll(List.of("tasks", "projects", "title", "budget")), plain.toString());
        assertFalse(plain.contains("encrypted_password"), "Supabase's internals are not offered without their table: " + plain);
    }
}
