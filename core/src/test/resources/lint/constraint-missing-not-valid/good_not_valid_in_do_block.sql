-- expect: none
do $$
begin
  if not exists (select 1 from pg_constraint where conrelid = 'public.orders'::regclass and conname = 'orders_customer_fk') then
    alter table public.orders add constraint orders_customer_fk foreign key (customer_id) references public.customers (id) on delete set null not valid;
  end if;
end
$$;
