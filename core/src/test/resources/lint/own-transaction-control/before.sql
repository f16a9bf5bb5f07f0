create table public.orders (id bigint generated always as identity primary key, status text, total numeric, customer_id bigint, note varchar(20));
create index orders_status_idx on public.orders (status);
create table public.customers (id bigint primary key, email text);
create type public.mood as enum ('ok');
create table public.feelings (id bigint primary key, mood public.mood);
