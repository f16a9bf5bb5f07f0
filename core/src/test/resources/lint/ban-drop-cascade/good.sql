-- expect: none
drop table public.customers;
