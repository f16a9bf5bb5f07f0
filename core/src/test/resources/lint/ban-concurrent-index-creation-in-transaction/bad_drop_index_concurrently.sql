-- expect: ban-concurrent-index-creation-in-transaction@3
start transaction;
drop index concurrently if exists public.orders_status_idx;
commit;
