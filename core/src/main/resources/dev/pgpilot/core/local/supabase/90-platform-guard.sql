-- What Supabase refuses its postgres role in the auth, storage and realtime schemas (since April
-- 2025): creating, altering or dropping tables, functions and indexes there. Policies and triggers
-- on their tables stay allowed; on Supabase supautils grants that, here postgres is a member of
-- the owning roles (01-roles.sql) and these event triggers refuse the rest with the error
-- PostgreSQL itself gives a non-owner. Superusers and the schemas' own admin roles pass.
create or replace function extensions.pgpilot_platform_actor() returns boolean
language sql stable as $$
  select coalesce((select rolsuper from pg_roles where rolname = current_user), false)
      or current_user in ('supabase_auth_admin', 'supabase_storage_admin', 'supabase_realtime_admin')
$$;

create or replace function extensions.pgpilot_platform_refusal(object_type text, objid oid, schema_name text)
returns text language sql stable as $$
  select case
    when object_type in ('table', 'view', 'materialized view', 'foreign table', 'sequence', 'table column')
      then format('must be owner of %s %s', case when object_type = 'table column' then 'relation' else 'table' end,
                  (select c.relname from pg_class c where c.oid = objid))
    when object_type = 'index'
      then format('must be owner of table %s', (select t.relname from pg_index i join pg_class t on t.oid = i.indrelid
                                                  where i.indexrelid = objid))
    when object_type in ('function', 'procedure', 'aggregate')
      then format('must be owner of function %s', (select p.proname from pg_proc p where p.oid = objid))
    else format('permission denied for schema %s', schema_name)
  end
$$;

create or replace function extensions.pgpilot_guard_platform_ddl() returns event_trigger
language plpgsql as $$
declare cmd record;
begin
  if extensions.pgpilot_platform_actor() then
    return;
  end if;
  for cmd in select * from pg_event_trigger_ddl_commands() loop
    continue when cmd.schema_name is null or cmd.schema_name not in ('auth', 'storage', 'realtime');
    continue when cmd.command_tag in ('CREATE POLICY', 'ALTER POLICY', 'CREATE TRIGGER', 'ALTER TRIGGER', 'GRANT', 'REVOKE');
    raise exception using errcode = 'insufficient_privilege',
      message = case when cmd.command_tag like 'CREATE %' and cmd.object_type <> 'index'
                     then format('permission denied for schema %s', cmd.schema_name)
                     else extensions.pgpilot_platform_refusal(cmd.object_type, cmd.objid, cmd.schema_name) end,
      hint = 'Supabase does not let postgres change objects in the auth, storage and realtime schemas (policies and triggers on their tables are allowed)';
  end loop;
end $$;

create or replace function extensions.pgpilot_guard_platform_drop() returns event_trigger
language plpgsql as $$
declare obj record;
begin
  if extensions.pgpilot_platform_actor() then
    return;
  end if;
  for obj in select * from pg_event_trigger_dropped_objects() loop
    continue when not obj.original or obj.schema_name is null or obj.schema_name not in ('auth', 'storage', 'realtime');
    continue when obj.object_type in ('policy', 'trigger');
    raise exception using errcode = 'insufficient_privilege',
      message = format('must be owner of %s %s',
                       case when obj.object_type in ('function', 'procedure', 'aggregate') then 'function'
                            when obj.object_type in ('type', 'domain') then 'type' else 'table' end,
                       -- functions have no object_name; their identity is schema.name(args)
                       coalesce(obj.object_name, regexp_replace(split_part(obj.object_identity, '(', 1), '^.*\.', ''))),
      hint = 'Supabase does not let postgres drop objects in the auth, storage and realtime schemas';
  end loop;
end $$;

do $$ begin
  if not exists (select from pg_event_trigger where evtname = 'pgpilot_guard_platform_ddl') then
    create event trigger pgpilot_guard_platform_ddl on ddl_command_end execute function extensions.pgpilot_guard_platform_ddl();
  end if;
  if not exists (select from pg_event_trigger where evtname = 'pgpilot_guard_platform_drop') then
    create event trigger pgpilot_guard_platform_drop on sql_drop execute function extensions.pgpilot_guard_platform_drop();
  end if;
end $$;
