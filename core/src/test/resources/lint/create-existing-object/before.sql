create table public.orders (id bigint primary key, status text, total numeric);
create index orders_status_idx on public.orders (status);
create table public.carts (id bigint primary key);
create index carts_id_idx on public.carts (id);
create table public.legacy (id bigint primary key, code text);
create index legacy_code_idx on public.legacy (code);
drop table public.legacy;
