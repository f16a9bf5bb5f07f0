-- expect: require-lock-timeout@2, require-concurrent-index-deletion@2
drop index if exists public.orders_status_idx;
