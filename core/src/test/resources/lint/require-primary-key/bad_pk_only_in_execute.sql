-- expect: require-primary-key@3
-- Dynamic SQL is not read: the key added through EXECUTE stays invisible, so the finding stays.
create table if not exists public.events (id bigint generated always as identity, name text not null);
do $$
begin
  execute 'alter table public.events add primary key (id)';
end $$;
