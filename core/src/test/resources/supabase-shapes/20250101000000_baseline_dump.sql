-- The head of a `supabase db dump` baseline of a project made on PostgreSQL 15: every extension the
-- platform had enabled, pgjwt among them, then a function signing tokens with it.
create extension if not exists "pg_net" with schema "extensions";
create extension if not exists "pgsodium" with schema "pgsodium";
create extension if not exists "pg_graphql" with schema "graphql";
create extension if not exists "pg_stat_statements" with schema "extensions";
create extension if not exists "pgcrypto" with schema "extensions";
create extension if not exists "pgjwt" with schema "extensions";
create extension if not exists "supabase_vault" with schema "vault";
create extension if not exists "uuid-ossp" with schema "extensions";

create function public.invite_token(team uuid) returns text
language sql stable set search_path = '' as $$
  select extensions.sign(json_build_object('team', team, 'exp', extract(epoch from now() + interval '1 day')::bigint),
                         'local-secret')
$$;
