-- expect: duplicate-index@2, duplicate-index@3, duplicate-index@4
create index if not exists orders_status_idx2 on public.orders ( status );
create unique index if not exists orders_id_key on public.orders (id);
create index if not exists orders_open_customer_idx on public.orders (customer_id) where status = 'open';
