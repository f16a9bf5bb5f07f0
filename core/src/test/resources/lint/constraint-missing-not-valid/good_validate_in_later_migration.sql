-- expect: none
-- The NOT VALID add ran in an earlier migration; this one only scans, without blocking writes.
alter table public.orders validate constraint orders_customer_fkey;
