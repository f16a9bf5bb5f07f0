-- expect: updated-at-trigger@2
create table public.events (id bigint primary key, updated_at timestamptz not null default now());
