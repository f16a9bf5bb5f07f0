create table public.orders (id bigint primary key, status text, total numeric, customer_id bigint);
create index orders_status_idx on public.orders (status);
create index orders_open_idx on public.orders (customer_id) where status = 'open';
