package dev.pgpilot.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pgpilot.core.Golden;
import dev.pgpilot.core.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** pgpilot test runs supabase/tests/*.sql with pgTAP installed, as supabase test db does. */
class PgTapCommandTest {
    @Test
    void pgtapFilesRunAgainstTheMigratedDatabaseAndAFailingAssertionExitsOne() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/share/postgresql/15/extension/pgtap.control")),
                "needs Debian's postgresql-15-pgtap (.ci/run installs it)");
        Path dir = Files.createTempDirectory("pgpilot-pgtap");
        Path migrations = Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("20240101000000_notes.sql"), """
                create table public.notes (id bigint generated always as identity primary key,
                  owner uuid not null references auth.users, title text not null);
                alter table public.notes enable row level security;
                create policy notes_read on public.notes for select to authenticated using (owner = (select auth.uid()));
                """);
        Path tests = Files.createDirectories(dir.resolve("supabase/tests"));
        Files.writeString(tests.resolve("notes_test.sql"), """
                begin;
                select plan(4);
                select has_table('public', 'notes', 'notes exists');
                select policies_are('public', 'notes', array['notes_read'], 'only the owner policy');
                insert into auth.users (id, email) values ('11111111-1111-1111-1111-111111111111', 'ada@example.com');
                insert into public.notes (owner, title) values ('11111111-1111-1111-1111-111111111111', 'mine');
                set local role authenticated;
                select set_config('request.jwt.claims', '{"sub": "11111111-1111-1111-1111-111111111111", "role": "authenticated"}', true);
                select results_eq('select count(*)::int from public.notes', array[1], 'the owner sees the note');
                select set_config('request.jwt.claims', '{"sub": "22222222-2222-2222-2222-222222222222", "role": "authenticated"}', true);
                select is_empty('select * from public.notes', 'a stranger sees nothing');
                select * from finish();
                rollback;
                """);
        String url = TestDatabase.url(TestDatabase.fresh());
        assertEquals(0, Cli.run(dir, "up", "--yes", "--db-url", url).exit());
        Cli.Run pass = Cli.run(dir, "test", "--db-url", url);
        assertEquals(0, pass.exit(), pass.all());
        Golden.assertMatches("pgtap/passing.txt", pass.out());

        Files.writeString(tests.resolve("wrong_test.sql"), """
                begin;
                select plan(2);
                select has_column('public', 'notes', 'title', 'notes have a title');
                select has_column('public', 'notes', 'body', 'notes have a body (wrong on purpose)');
                select * from finish();
                rollback;
                """);
        Cli.Run fail = Cli.run(dir, "test", "--db-url", url);
        assertEquals(1, fail.exit(), fail.all());
        Golden.assertMatches("pgtap/failing.txt", fail.out());
    }
}
