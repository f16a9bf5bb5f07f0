package dev.pgpilot.core.local;

import dev.pgpilot.core.api.model.ApplyListener;
import dev.pgpilot.core.engine.Project;
import dev.pgpilot.core.api.model.UpOptions;
import dev.pgpilot.core.target.DatabaseTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.PilotException;
import dev.pgpilot.core.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

/**
 * The embedded database has Supabase's roles: migrations run as a postgres that is no superuser,
 * so what Supabase refuses fails here with the same error, and what it allows works.
 */
class SupabaseRolesTest {
    private final DatabaseTarget db = TestDatabase.fresh();

    @Test
    void migrationsRunAsANonSuperuserPostgresWhileSupabaseAdminIsTheSuperuser() throws SQLException {
        assertEquals("postgres|false|true|true|true", one("select current_user || '|' || rolsuper || '|' || rolcreaterole || '|' "
                + "|| rolcreatedb || '|' || rolbypassrls from pg_roles where rolname = current_user"));
        assertEquals("true", one("select rolsuper::text from pg_roles where rolname = 'supabase_admin'"));
        assertEquals("supabase_auth_admin|supabase_storage_admin",
                one("select (select relowner::regrole::text from pg_class where oid = 'auth.users'::regclass) || '|' "
                        + "|| (select relowner::regrole::text from pg_class where oid = 'storage.objects'::regclass)"));
    }

    @Test
    void apiRolesInheritSoPrivilegesGrantedThroughACustomRoleReachThem() throws SQLException {
        assertEquals("anon=t authenticated=t service_role=t", one(
                "select string_agg(rolname || '=' || left(rolinherit::text, 1), ' ' order by rolname) from pg_roles "
                        + "where rolname in ('anon', 'authenticated', 'service_role')"));
        exec("create table public.reports (id int); revoke all on public.reports from anon, authenticated;"
                + "create role report_readers nologin; grant select on public.reports to report_readers;"
                + "grant report_readers to authenticated; insert into public.reports values (1)");
        assertEquals("1", one("set local role authenticated; select count(*)::text from public.reports"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alter table storage.objects enable row level security|must be owner of table objects",
            "alter table storage.buckets add column note text|must be owner of table buckets",
            "alter table auth.users add column nickname text|must be owner of table users",
            "create index on auth.users (created_at)|must be owner of table users",
            "comment on table auth.users is 'people'|must be owner of table users",
            "drop table storage.objects|must be owner of table objects",
            "drop function auth.uid()|must be owner of function uid",
            "create table auth.profiles (id uuid primary key)|permission denied for schema auth",
            "create or replace function auth.uid() returns uuid language sql as 'select null::uuid'|permission denied for schema auth",
            "create function storage.helper() returns int language sql as 'select 1'|permission denied for schema storage",
            "create event trigger audit on ddl_command_end execute function pg_catalog.now()|permission denied to create event trigger \"audit\"",
            "set role supabase_storage_admin|permission denied to set role \"supabase_storage_admin\"",
            "create extension pageinspect|permission denied to create extension \"pageinspect\"",
            "alter role postgres superuser|permission denied to alter role",
    })
    void whatSupabaseRefusesPostgresFailsLocallyWithTheSameError(String sql, String error) {
        PSQLException e = assertThrows(PSQLException.class, () -> exec(sql));
        assertEquals("42501", e.getSQLState(), e.getMessage());
        assertEquals(error, e.getServerErrorMessage().getMessage());
    }

    @Test
    void whatSupabaseAllowsPostgresInItsSchemasWorks() throws SQLException {
        exec("""
                create policy "avatars are public" on storage.objects for select to anon using (bucket_id = 'avatars');
                alter policy "avatars are public" on storage.objects rename to "avatars are readable";
                drop policy "avatars are readable" on storage.objects;
                create table public.profiles (id uuid primary key references auth.users on delete cascade, name text);
                create function public.on_signup() returns trigger language plpgsql security definer set search_path = ''
                  as $$ begin insert into public.profiles (id) values (new.id); return new; end $$;
                create trigger on_auth_user_created after insert on auth.users for each row execute function public.on_signup();
                insert into auth.users (id, email) values ('00000000-0000-0000-0000-000000000001', 'a@example.com');
                alter publication supabase_realtime add table public.profiles;
                create extension if not exists pg_stat_statements with schema extensions;
                set session_replication_role = replica;
                """);
        assertEquals("1", one("select count(*)::text from public.profiles"));
        exec("drop trigger on_auth_user_created on auth.users; drop table public.profiles");
        assertEquals("0", one("select count(*)::text from pg_trigger where tgrelid = 'auth.users'::regclass and not tgisinternal"));
    }

    @Test
    void aMigrationSupabaseWouldRefuseStopsUpWithTheSameErrorAndNothingApplied() {
        Project p = new Project();
        p.write("20250101000000_storage.sql", "create table public.files (id int);\nalter table storage.objects enable row level security;\n");
        PilotException e = assertThrows(PilotException.class, () -> p.pilot().up(UpOptions.all(), ApplyListener.NONE));
        assertTrue(e.getMessage().contains("20250101000000_storage.sql:2: ERROR: must be owner of table objects"), e.getMessage());
        assertFalse(p.tableExists("public.files"));
    }

    private void exec(String sql) throws SQLException {
        Queries.exec(db, sql);
    }

    private String one(String sql) throws SQLException {
        return Queries.one(db, sql);
    }
}
