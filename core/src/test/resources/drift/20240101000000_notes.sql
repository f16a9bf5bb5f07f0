create type public.mood as enum ('happy', 'sad');

create table public.notes (
  id bigint generated always as identity primary key,
  owner uuid not null references auth.users (id),
  title text not null,
  body text,
  mood public.mood default 'happy',
  title_length int generated always as (length(title)) stored,
  created_at timestamptz not null default now()
);
create index notes_owner_idx on public.notes (owner);
alter table public.notes enable row level security;
create policy notes_owner_read on public.notes for select to authenticated using (owner = auth.uid());
create policy notes_owner_write on public.notes for insert to authenticated with check (owner = auth.uid());
grant select, insert on public.notes to authenticated;
comment on table public.notes is 'what users write down';
comment on column public.notes.title is 'shown in lists';
