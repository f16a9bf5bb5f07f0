package dev.pgpilot.core.rlstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.api.Pilot;
import dev.pgpilot.core.TestDatabase;
import dev.pgpilot.core.api.Plan;
import dev.pgpilot.core.api.RlsTestWritten;
import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.api.model.RlsStepResult;
import dev.pgpilot.core.api.model.RlsTestResult;
import dev.pgpilot.core.target.DatabaseTarget;
import dev.pgpilot.core.api.model.UpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * new --rls-test: the generated file passes on the database the migration built, and fails at the
 * right step when a policy is weakened by hand.
 */
class OwnerRlsTestGeneratorTest {
    static DatabaseTarget db;
    static Path test;

    static Pilot pilot(Path dir, DatabaseTarget target) {
        return new Pilot(new Pilot.Options(dir, TestDatabase.url(target), null, "cli", "test"), Clock.systemUTC(), Map.of());
    }

    /** Plans the request, writes migration and RLS test, applies it; returns what writeRlsTest did. */
    static RlsTestWritten planWriteApply(Pilot p, String request) {
        Plan plan = p.plan(request);
        p.write(plan);
        RlsTestWritten t = p.writeRlsTest(plan);
        p.up(UpOptions.all(), ApplyListener.NONE);
        return t;
    }

    static RlsTestResult run(DatabaseTarget target, Path file) {
        return RlsTestRunner.run(target, List.of(RlsTestFile.load(file))).get(0);
    }

    static void sql(DatabaseTarget target, String sql) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @BeforeAll
    static void newOwnerTable() throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-rlsgen");
        db = TestDatabase.fresh();
        RlsTestWritten t = planWriteApply(pilot(dir, db), "create table notes with user_id, body text not null and pinned flag");
        assertEquals(List.of(), t.skipped());
        test = t.file();
        assertNotNull(test);
        assertTrue(test.startsWith(dir.resolve("supabase/tests/rls")), test.toString());
        assertTrue(test.getFileName().toString().endsWith("_create_notes.yaml"), test.toString());
    }

    @Test
    void generatedTestPassesOnTheDatabaseTheMigrationBuilt() {
        RlsTestResult r = run(db, test);
        assertTrue(r.passed(), r.toString());
        assertEquals(List.of("the owner sees their row in public.notes", "another user does not see it", "a signed-out visitor does not see it",
                        "another user cannot update the owner's row in public.notes", "the owner can update their row",
                        "another user cannot delete the owner's row in public.notes", "the owner can delete their row",
                        "another user cannot insert a row in public.notes in the owner's name", "the owner can insert their own row"),
                r.steps().stream().map(RlsStepResult::name).toList());
    }

    static Stream<Arguments> weakenings() {
        String own = "((select auth.uid()) = user_id)";
        return Stream.of(
                Arguments.of("alter policy notes_select_own on public.notes using (true)", "alter policy notes_select_own on public.notes using " + own,
                        "another user does not see it", "expected 0 row(s), got 1"),
                Arguments.of("alter policy notes_select_own on public.notes to anon, authenticated using (true)",
                        "alter policy notes_select_own on public.notes to authenticated using " + own,
                        "another user does not see it", "expected 0 row(s), got 1"),
                Arguments.of("alter policy notes_update_own on public.notes using (true) with check (true)",
                        "alter policy notes_update_own on public.notes using " + own + " with check " + own,
                        "another user cannot update the owner's row in public.notes", "expected 0 row(s), got 1"),
                Arguments.of("alter policy notes_delete_own on public.notes using (true)", "alter policy notes_delete_own on public.notes using " + own,
                        "another user cannot delete the owner's row in public.notes", "expected 0 row(s), got 1"),
                Arguments.of("alter policy notes_insert_own on public.notes with check (true)",
                        "alter policy notes_insert_own on public.notes with check " + own,
                        "another user cannot insert a row in public.notes in the owner's name",
                        "expected permission denied, but the query succeeded (1 row(s))"),
                Arguments.of("alter table public.notes disable row level security", "alter table public.notes enable row level security",
                        "another user does not see it", "expected 0 row(s), got 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weakenings")
    void weakenedPolicyFailsTheStepThatGuardsIt(String weaken, String restore, String step, String reason) throws Exception {
        sql(db, weaken);
        try {
            RlsTestResult r = run(db, test);
            RlsStepResult first = r.steps().stream().filter(s -> !s.passed()).findFirst().orElseThrow(() -> new AssertionError("nothing failed: " + r));
            assertEquals(step, first.name());
            assertEquals(reason, first.reason());
        } finally {
            sql(db, restore);
        }
        assertTrue(run(db, test).passed(), "restored");
    }

    @Test
    void ownerPolicyOnAnExistingTableTestsOnlyTheCommandsItGrants() throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-rlsgen");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20240101000000_tasks.sql"), """
                create type public.task_state as enum ('open', 'done');
                create table public.tasks (
                  id bigint generated always as identity primary key,
                  user_id uuid not null references auth.users (id),
                  slug text not null unique,
                  points int not null,
                  state public.task_state not null,
                  due date,
                  project_id bigint references public.tasks (id)
                );
                """);
        DatabaseTarget target = TestDatabase.fresh();
        Pilot p = pilot(dir, target);
        p.up(UpOptions.all(), ApplyListener.NONE);
        RlsTestWritten t = planWriteApply(p, "users can read and create their own tasks");
        assertNotNull(t.file(), t.skipped().toString());
        String yaml = Files.readString(t.file());
        assertTrue(yaml.contains("(enum_range(null::\"public\".\"task_state\"))[1]"), yaml);
        RlsTestResult r = run(target, t.file());
        assertTrue(r.passed(), r + "\n" + yaml);
        assertEquals(5, r.steps().size(), "select (3) and insert (2), no update or delete: " + r);
    }

    @Test
    void publicPoliciesAndTablesWithoutAMakeableRowGetNoFileAndSayWhy() throws Exception {
        Path dir = Files.createTempDirectory("pgpilot-rlsgen");
        Path m = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(m.resolve("20240101000000_items.sql"), """
                create table public.lists (id bigint generated always as identity primary key);
                create table public.items (
                  id bigint generated always as identity primary key,
                  user_id uuid not null references auth.users (id),
                  list_id bigint not null references public.lists (id),
                  published boolean not null default false
                );
                """);
        DatabaseTarget target = TestDatabase.fresh();
        Pilot p = pilot(dir, target);
        p.up(UpOptions.all(), ApplyListener.NONE);

        RlsTestWritten pub = p.writeRlsTest(p.plan("anyone can see published items"));
        assertNull(pub.file());
        assertEquals(List.of("policy items_select_public: only owner policies get a generated test"), pub.skipped());

        RlsTestWritten own = p.writeRlsTest(p.plan("users can read their own items"));
        assertNull(own.file());
        assertEquals(List.of("table public.items: cannot make up a value for required column list_id (bigint, references public.lists);"
                + " write the test by hand"), own.skipped());
        assertTrue(!Files.exists(dir.resolve("supabase/tests/rls")), "nothing written");
    }
}
