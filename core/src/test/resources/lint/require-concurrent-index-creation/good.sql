-- expect: none
create index concurrently if not exists orders_total_idx on public.orders (total);
