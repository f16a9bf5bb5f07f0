-- expect: ban-concurrent-index-creation-in-transaction@3
begin;
create index concurrently orders_total_idx on public.orders (total);
commit;
