-- a plain migration: table, index, rows
create table public.notes (
  id bigint generated always as identity primary key,
  body text not null,
  created_at timestamptz not null default now()
);
create index notes_created_at_idx on public.notes (created_at);
insert into public.notes (body) values ('first'), ('second');
