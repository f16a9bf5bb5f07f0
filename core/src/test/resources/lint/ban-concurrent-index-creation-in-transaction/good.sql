-- expect: none
create index concurrently orders_total_idx on public.orders (total);
