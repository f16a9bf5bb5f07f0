-- expect: none
create table if not exists public.events (id bigint generated always as identity, name text not null);
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'events_pkey') then
    alter table public.events add constraint events_pkey primary key (id);
  end if;
end $$;
