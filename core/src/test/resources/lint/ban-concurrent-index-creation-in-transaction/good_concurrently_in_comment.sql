-- expect: none
begin;
-- create index concurrently orders_total_idx on public.orders (total); runs in the next migration
comment on column public.orders.total is 'create index concurrently later';
commit;
