-- expect: create-existing-object@2, create-existing-object@3, create-existing-object@5
create table public.orders (id bigint primary key, status text, total numeric);
create index orders_status_idx on public.orders (status);
create table public.items (id bigint primary key);
create table items (id bigint primary key);
