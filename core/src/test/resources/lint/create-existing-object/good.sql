-- expect: none
create table if not exists public.orders (id bigint primary key, status text, total numeric);
create index if not exists orders_status_idx on public.orders (status);
drop table if exists public.carts cascade;
create table public.carts (id bigint primary key);
create index carts_id_idx on public.carts (id);
alter table public.orders rename to orders_old;
create table public.orders (id bigint primary key);
drop index public.orders_status_idx;
create index orders_status_idx on public.orders (id);
create table public.legacy (id bigint primary key, code text);
create index legacy_code_idx on public.legacy (code);
