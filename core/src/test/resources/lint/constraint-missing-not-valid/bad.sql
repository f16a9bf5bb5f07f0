-- expect: constraint-missing-not-valid@2, constraint-missing-not-valid@3
alter table public.orders add constraint orders_total_check check (total >= 0);
alter table public.orders add constraint orders_customer_fkey foreign key (customer_id) references public.customers (id) on delete cascade;
