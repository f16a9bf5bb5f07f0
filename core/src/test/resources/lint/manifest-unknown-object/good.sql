-- expect: none
create table if not exists public.orders (id bigint primary key, total numeric);
create type public.order_status as enum ('new');
alter table public.orders add column if not exists status text;
alter table customers enable row level security;
