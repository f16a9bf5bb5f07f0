-- Supabase's roles, as its postgres image leaves them: supabase_admin is the superuser (the
-- cluster's bootstrap user), postgres is not. Run as supabase_admin; idempotent (roles are
-- cluster-wide, this file runs once per database the base goes into).
do $$
declare r text;
begin
  if not exists (select from pg_roles where rolname = 'postgres') then
    create role postgres login;
  end if;
  foreach r in array array['anon', 'authenticated', 'service_role', 'supabase_realtime_admin'] loop
    if not exists (select from pg_roles where rolname = r) then
      execute format('create role %I nologin', r);
    end if;
  end loop;
  foreach r in array array['authenticator', 'supabase_auth_admin', 'supabase_storage_admin', 'pgbouncer',
                           'supabase_replication_admin', 'supabase_read_only_user'] loop
    if not exists (select from pg_roles where rolname = r) then
      execute format('create role %I login', r);
    end if;
  end loop;
  if not exists (select from pg_roles where rolname = 'dashboard_user') then
    create role dashboard_user nologin;
  end if;
end $$;

alter role postgres nosuperuser createdb createrole replication bypassrls login inherit;
-- The API roles inherit since Supabase's 2023 migration (privileges granted through a custom role reach them).
alter role anon inherit;
alter role authenticated inherit;
alter role service_role inherit bypassrls;
alter role authenticator noinherit;
alter role supabase_auth_admin noinherit createrole noreplication;
alter role supabase_storage_admin noinherit createrole noreplication;
alter role supabase_replication_admin replication;
alter role supabase_read_only_user bypassrls;
alter role dashboard_user nosuperuser createdb createrole replication;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role, authenticator to supabase_storage_admin;
-- With ADMIN, so migrations can grant the API roles to roles they create (custom-role patterns).
grant anon, authenticated, service_role to postgres with admin option;
-- postgres acts as owner of auth and storage tables only for what Supabase lets it do there (policies,
-- triggers); 90-platform-guard.sql refuses the rest the way the platform does. No SET: on Supabase
-- postgres cannot become these roles.
-- PostgreSQL 15 has no per-grant INHERIT/SET options (a PG15 server with this base is a second-major
-- test target): there membership follows postgres's own INHERIT and SET cannot be withheld.
do $$ begin
  if current_setting('server_version_num')::int >= 160000 then
    execute 'grant supabase_auth_admin, supabase_storage_admin to postgres with inherit true, set false';
  else
    grant supabase_auth_admin, supabase_storage_admin to postgres;
  end if;
end $$;
grant pg_monitor, pg_read_all_data, pg_signal_backend to postgres;
grant pg_read_all_data to supabase_read_only_user;
-- The settings supautils lets postgres change although PostgreSQL reserves them for superusers.
grant set on parameter session_replication_role, log_lock_waits, log_min_messages, track_io_timing to postgres;

alter role postgres set search_path = "$user", public, extensions;
alter role supabase_admin set search_path = "$user", public, auth, extensions;
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
