-- expect: none
create index if not exists orders_status_idx on public.orders (status);
create index if not exists orders_status_total_idx on public.orders (status, total);
create unique index if not exists orders_status_key on public.orders (status);
create index if not exists orders_customer_idx on public.orders (customer_id);
create index if not exists orders_lower_status_idx on public.orders (lower(status));
create index if not exists orders_status_gin on public.orders using gin (status);
