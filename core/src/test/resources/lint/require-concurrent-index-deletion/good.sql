-- expect: none
drop index concurrently if exists public.orders_status_idx;
