-- expect: none
create table public.events (id bigint primary key, created_at timestamptz not null default now(), updated_at timestamptz not null default now());
