-- expect: constraint-missing-not-valid@3
alter table public.orders add constraint orders_total_check check (total >= 0) not valid;
alter table public.orders validate constraint orders_total_check;
