-- The schemas Supabase creates, with its owners, and the extensions every project has.
create schema if not exists extensions;
create schema if not exists auth authorization supabase_auth_admin;
create schema if not exists storage authorization supabase_storage_admin;
create schema if not exists realtime;
create schema if not exists graphql_public;
-- Supabase's PostgreSQL 15 projects come with pgsodium, so its schema exists and the baseline dumps'
-- "create extension if not exists pgsodium with schema pgsodium" find it (pgpilot's stand-in fills it).
create schema if not exists pgsodium;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
-- The database itself belongs to postgres (so does public, through pg_database_owner). Copies of
-- template1 belong to whoever creates them, which is postgres too.
do $$ begin
  if current_database() <> 'template1' then
    execute format('alter database %I owner to postgres', current_database());
  end if;
end $$;
grant all on schema extensions to postgres with grant option;
grant usage on schema extensions to anon, authenticated, service_role;
grant usage on schema auth, storage to postgres, anon, authenticated, service_role, dashboard_user;
grant usage on schema graphql_public to postgres, anon, authenticated, service_role;
grant usage on schema realtime to postgres, anon, authenticated, service_role;
grant usage on schema public to postgres, anon, authenticated, service_role;
