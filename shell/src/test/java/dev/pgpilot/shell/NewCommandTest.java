package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.target.DatabaseTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
    static String url;
    @TempDir Path work;

    @BeforeAll
    static void schema() throws Exception {
        DatabaseTarget db = TestDatabase.fresh();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table public.orders (id uuid primary key default gen_random_uuid(), status text)");
        }
        url = "postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + db.jdbcUrl().replaceAll("^jdbc:postgresql://[^/]+", "");
    }

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--workdir", work.toString(), "--db-url", url));
        int code = Main.execute(a.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private long sqlFiles() throws Exception {
        if (!Files.exists(work)) return 0;
        try (Stream<Path> s = Files.walk(work)) {
            return s.filter(p -> p.toString().endsWith(".sql")).count();
        }
    }

    @Test
    void requestInSeveralWordsPrintsTheSqlAndWritesTheMigrationAndItsDown() throws Exception {
        Run r = run("new", "add", "notes", "text", "to", "orders");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("alter table \"public\".\"orders\" add column if not exists \"notes\" text;"), r.out());
        assertTrue(r.out().contains("drop column if exists \"notes\""), r.out());
        assertEquals(2, sqlFiles());
        try (Stream<Path> s = Files.walk(work)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().matches("\\d{14}_add_notes_to_orders\\.down\\.sql")));
        }
    }

    @Test
    void askingForAColumnThatIsAlreadyThereExitsZeroSayingSoAndWritesNothing() throws Exception {
        Run r = run("new", "add status text to orders");
        assertEquals(0, r.code(), r.err());
        assertEquals("already there, nothing to do: column public.orders.status text\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, sqlFiles());
    }

    @Test
    void dryRunPrintsButWritesNothing() throws Exception {
        Run r = run("new", "index orders on status", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("create index concurrently if not exists \"idx_orders_status\""), r.out());
        assertEquals(0, sqlFiles());
    }

    @Test
    void dryRunShowsTheLintFindingsAsTheShellDoes() {
        Run r = run("new", "drop column status from orders", "--dry-run");
        assertEquals(0, r.code(), r.err());
        String lint = r.out().substring(r.out().indexOf("\n-- lint\n") + 1);
        assertTrue(lint.matches("(?s)-- lint\\n.*\\d+ error\\(s\\), \\d+ warning\\(s\\), \\d+ info in 1 file\\(s\\)\\n-- dry run: nothing written\\n"), r.out());
        assertTrue(lint.contains(" warning ") || lint.contains(" error "), "dropping a column is flagged: " + r.out());
    }

    @Test
    void addingToAMisspelledTableOfAPendingMigrationIsRefusedNotCreated() throws Exception {
        assertEquals(0, run("new", "create table users with email text").code());
        Run r = run("new", "add a column nickname text to the userz table");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("unknown table: userz"), r.err());
        assertTrue(r.err().contains("did you mean users?"), r.err());
        assertEquals(2, sqlFiles(), "only the pending create_users and its down");
    }

    @Test
    void unknownTableIsRefusedWithASuggestionAndExitOne() throws Exception {
        Run r = run("new", "add notes to order_items");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown table: order_items"), r.err());
        assertTrue(r.err().contains("did you mean orders?"), r.err());
        assertEquals(0, sqlFiles());
    }

    @Test
    void unreachableDatabaseIsAnErrorWithExitTwo() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"new", "add notes text to orders", "--workdir", work.toString(), "--db-url", "postgresql://nobody@127.0.0.1:1/x"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(2, code, err.toString());
        assertEquals(0, sqlFiles());
    }
}
