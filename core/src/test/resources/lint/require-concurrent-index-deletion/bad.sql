-- expect: require-concurrent-index-deletion@2
drop index public.orders_status_idx;
