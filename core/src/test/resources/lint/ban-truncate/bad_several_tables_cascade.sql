-- expect: ban-truncate@2
truncate table public.orders, public.customers restart identity cascade;
