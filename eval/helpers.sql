-- Helpers the development eval's checks call (schema ev), plus three signed-up users a, b and c.
-- Applied directly to each schema's template after its base migration (not a migration itself),
-- so the planner sees them as foreign objects it must not touch.
create schema ev;
grant usage on schema ev to anon, authenticated;

-- The fixed ids of the eval's users: 'a', 'b', 'c' -> ...000a, ...000b, ...000c.
create function ev.uid(who text) returns uuid language sql immutable as $$
  select ('00000000-0000-0000-0000-00000000000' || who)::uuid $$;
-- A fixed uuid for seed rows: ev.id(1) = 10000000-0000-0000-0000-000000000001.
create function ev.id(n int) returns uuid language sql immutable as $$
  select ('10000000-0000-0000-0000-' || lpad(n::text, 12, '0'))::uuid $$;

insert into auth.users(id, email, aud, role) values
  (ev.uid('a'), 'a@example.com', 'authenticated', 'authenticated'),
  (ev.uid('b'), 'b@example.com', 'authenticated', 'authenticated'),
  (ev.uid('c'), 'c@example.com', 'authenticated', 'authenticated');

-- catalog state -----------------------------------------------------------------------------
create function ev.coltype(t text, c text) returns text language sql stable as $$
  select format_type(atttypid, atttypmod) from pg_attribute
  where attrelid = to_regclass('public.'||t) and attname = c and attnum > 0 and not attisdropped $$;
create function ev.hascol(t text, c text) returns boolean language sql stable as $$
  select ev.coltype(t, c) is not null $$;
create function ev.cols(t text) returns text language sql stable as $$
  select string_agg(attname, ',' order by attnum) from pg_attribute
  where attrelid = to_regclass('public.'||t) and attnum > 0 and not attisdropped $$;
create function ev.notnull(t text, c text) returns boolean language sql stable as $$
  select attnotnull from pg_attribute
  where attrelid = to_regclass('public.'||t) and attname = c and attnum > 0 and not attisdropped $$;
create function ev.coldefault(t text, c text) returns text language sql stable as $$
  select pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d
  join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
  where d.adrelid = to_regclass('public.'||t) and a.attname = c and not a.attisdropped $$;
create function ev.indexdefs(t text) returns text language sql stable as $$
  select coalesce(string_agg(pg_get_indexdef(indexrelid), ' | ' order by indexrelid), '')
  from pg_index where indrelid = to_regclass('public.'||t) $$;
create function ev.nindexes(t text) returns int language sql stable as $$
  select count(*)::int from pg_index where indrelid = to_regclass('public.'||t) $$;
-- A unique index or constraint exists on exactly this set of columns (any order), without a predicate.
create function ev.isunique(t text, variadic c text[]) returns boolean language sql stable as $$
  select exists (select 1 from pg_index i where i.indrelid = to_regclass('public.'||t) and i.indisunique
    and i.indpred is null and i.indexprs is null
    and (select array_agg(a.attname::text order by a.attname) from pg_attribute a
         where a.attrelid = i.indrelid and a.attnum = any(i.indkey)) = (select array_agg(x order by x) from unnest(c) x)) $$;
create function ev.condefs(t text) returns text language sql stable as $$
  select coalesce(string_agg(pg_get_constraintdef(oid), ' | ' order by conname), '')
  from pg_constraint where conrelid = to_regclass('public.'||t) $$;
-- The foreign key on column c of t: the referenced table (regclass text, e.g. 'projects' or
-- 'auth.users') and its on-delete action (a no action, r restrict, c cascade, n set null, d set default).
create function ev.fkref(t text, c text) returns text language sql stable as $$
  select string_agg(confrelid::regclass::text, ',') from pg_constraint x
  where x.conrelid = to_regclass('public.'||t) and x.contype = 'f' and array_length(x.conkey, 1) = 1
    and x.conkey[1] = (select attnum from pg_attribute where attrelid = x.conrelid and attname = c) $$;
create function ev.ondelete(t text, c text) returns text language sql stable as $$
  select string_agg(x.confdeltype::text, ',') from pg_constraint x
  where x.conrelid = to_regclass('public.'||t) and x.contype = 'f' and array_length(x.conkey, 1) = 1
    and x.conkey[1] = (select attnum from pg_attribute where attrelid = x.conrelid and attname = c) $$;
create function ev.rls(t text) returns boolean language sql stable as $$
  select relrowsecurity from pg_class where oid = to_regclass('public.'||t) $$;
create function ev.exists(t text) returns boolean language sql stable as $$
  select to_regclass('public.'||t) is not null $$;
create function ev.labels(typ text) returns text[] language sql stable as $$
  select array_agg(enumlabel::text order by enumsortorder) from pg_enum where enumtypid = to_regtype('public.'||typ) $$;
create function ev.policies(t text) returns text language sql stable as $$
  select coalesce(string_agg(policyname || ' ' || cmd || ' ' || array_to_string(roles, ',') || ' ' || permissive
    || ' using(' || coalesce(qual, '') || ') check(' || coalesce(with_check, '') || ')', ' | ' order by policyname), '')
  from pg_policies where schemaname = 'public' and tablename = t $$;
create function ev.npolicies(t text) returns int language sql stable as $$
  select count(*)::int from pg_policies where schemaname = 'public' and tablename = t $$;
create function ev.triggers(t text) returns text language sql stable as $$
  select coalesce(string_agg(tgname, ',' order by tgname), '') from pg_trigger
  where tgrelid = to_regclass('public.'||t) and not tgisinternal $$;
create function ev.tcomment(t text) returns text language sql stable as $$
  select obj_description(to_regclass('public.'||t), 'pg_class') $$;
create function ev.ccomment(t text, c text) returns text language sql stable as $$
  select col_description(to_regclass('public.'||t),
    (select attnum from pg_attribute where attrelid = to_regclass('public.'||t) and attname = c)) $$;
create function ev.bucket(b text) returns storage.buckets language sql stable as $$
  select * from storage.buckets where id = b $$;

-- behaviour as real roles ---------------------------------------------------------------------
-- Sign in as 'a', 'b' or 'c' (role authenticated, request.jwt.claims.sub = ev.uid(who)) or 'anon',
-- for the rest of the current transaction (the harness runs every check in one and rolls it back).
create function ev.login(who text) returns void language plpgsql as $$
begin
  if who = 'anon' then
    perform set_config('request.jwt.claims', '{"role":"anon"}', true);
    execute 'set local role anon';
  else
    perform set_config('request.jwt.claims', json_build_object('sub', ev.uid(who), 'role', 'authenticated')::text, true);
    execute 'set local role authenticated';
  end if;
end $$;
-- How many rows query q returns for who; 0 when who may not read the table at all.
create function ev.rows_as(who text, q text) returns bigint language plpgsql as $$
declare n bigint;
begin
  begin
    perform ev.login(who);
    execute 'select count(*) from (' || q || ') s' into n;
  exception when insufficient_privilege then n := 0;
  end;
  reset role;
  perform set_config('request.jwt.claims', '', true);
  return n;
end $$;
-- Whether who can run statement s (insert/update/delete) and it touches at least one row. Blocked by
-- RLS or grants -> false; any other error (a typo in the check, a missing column) is raised.
-- A delete runs as Supabase's Storage API runs it: storage.allow_delete_query on (Supabase's
-- protect_delete trigger refuses every other SQL delete from storage tables with 42501, before RLS
-- is asked, which would make every storage delete check false whatever the policies say).
create function ev.can_as(who text, s text) returns boolean language plpgsql as $$
declare n bigint; ok boolean;
begin
  perform set_config('storage.allow_delete_query', 'true', true);
  begin
    perform ev.login(who);
    execute s;
    get diagnostics n = row_count;
    ok := n > 0;
  exception when insufficient_privilege then ok := false;
  end;
  reset role;
  perform set_config('request.jwt.claims', '', true);
  perform set_config('storage.allow_delete_query', 'false', true);
  return ok;
end $$;
grant execute on all functions in schema ev to anon, authenticated;
