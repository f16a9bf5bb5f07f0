-- expect: none
create table public.notes (id bigint primary key, body text);
alter table public.notes enable row level security;
create table private.audit (id bigint primary key);
