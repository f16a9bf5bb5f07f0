-- expect: none
begin;
create index if not exists orders_total_idx on public.orders (total);
commit;
