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
        String url = migrated(dir);
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

    /**
     * The helpers basejump's supabase_test_helpers give (written here by hand in their style): a
     * first file installs them and commits, later files create users, sign in as them and check RLS.
     */
    @Test
    void helpersInstalledByAFirstHookFileAreUsableByTheTestsAfterIt() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/share/postgresql/15/extension/pgtap.control")),
                "needs Debian's postgresql-15-pgtap (.ci/run installs it)");
        Path dir = Files.createTempDirectory("pgpilot-pgtap-helpers");
        Files.writeString(Files.createDirectories(dir.resolve("supabase/migrations")).resolve("20240101000000_notes.sql"), """
                create table public.notes (id bigint generated always as identity primary key,
                  owner uuid not null default auth.uid() references auth.users, title text not null);
                alter table public.notes enable row level security;
                grant select, insert on public.notes to authenticated;
                create policy notes_own on public.notes for all to authenticated
                  using (owner = (select auth.uid())) with check (owner = (select auth.uid()));
                """);
        Path tests = Files.createDirectories(dir.resolve("supabase/tests"));
        Files.writeString(tests.resolve("000-setup-tests-hooks.sql"), """
                create schema if not exists tests;
                grant usage on schema tests to anon, authenticated;
                create or replace function tests.create_supabase_user(identifier text, email text default null) returns uuid
                language sql security definer set search_path = '' as $$
                  insert into auth.users (id, email, raw_user_meta_data, raw_app_meta_data)
                  values (gen_random_uuid(), coalesce(email, identifier || '@test.com'),
                          jsonb_build_object('test_identifier', identifier), '{"provider": "email"}')
                  returning id
                $$;
                create or replace function tests.get_supabase_uid(identifier text) returns uuid
                language sql stable security definer set search_path = '' as $$
                  select id from auth.users where raw_user_meta_data ->> 'test_identifier' = identifier
                $$;
                create or replace function tests.authenticate_as(identifier text) returns void language plpgsql as $$
                begin
                  perform set_config('role', 'authenticated', true);
                  perform set_config('request.jwt.claims', json_build_object('sub', tests.get_supabase_uid(identifier),
                    'role', 'authenticated', 'email', identifier || '@test.com')::text, true);
                end $$;
                create or replace function tests.clear_authentication() returns void language plpgsql as $$
                begin
                  perform set_config('role', 'anon', true);
                  perform set_config('request.jwt.claims', null, true);
                end $$;
                create or replace function tests.rls_enabled(testing_schema text) returns text language sql as $$
                  select extensions.is((select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = testing_schema and c.relkind = 'r' and not c.relrowsecurity), 0,
                    'every table in ' || testing_schema || ' has row level security')
                $$;
                grant execute on all functions in schema tests to anon, authenticated;
                select plan(1);
                select ok(true, 'test helpers installed');
                select * from finish();
                """);
        Files.writeString(tests.resolve("notes_test.sql"), """
                begin;
                select plan(4);
                select tests.rls_enabled('public');
                select tests.create_supabase_user('ada');
                select tests.create_supabase_user('bo');
                select tests.authenticate_as('ada');
                insert into public.notes (title) values ('mine');
                select results_eq('select auth.email()', array['ada@test.com'], 'signed in as ada');
                select tests.authenticate_as('bo');
                select is_empty('select * from public.notes', 'bo sees none of ada''s notes');
                select tests.clear_authentication();
                select throws_ok('insert into public.notes (title) values (''anonymous'')', '42501', null, 'anon cannot write');
                select * from finish();
                rollback;
                """);
        String url = migrated(dir);
        Cli.Run run = Cli.run(dir, "test", "--db-url", url);
        assertEquals(0, run.exit(), run.all());
        Golden.assertMatches("pgtap/helpers.txt", run.out());
    }

    /** A new database with the project's migrations applied by {@code up}; its URL. */
    private static String migrated(Path dir) {
        String url = TestDatabase.url(TestDatabase.fresh());
        assertEquals(0, Cli.run(dir, "up", "--yes", "--db-url", url).exit());
        return url;
    }
}
