-- expect: none
-- VALIDATE CONSTRAINT waits for a lock that reads and writes pass: no lock_timeout needed
alter table public.orders validate constraint orders_total_check;
