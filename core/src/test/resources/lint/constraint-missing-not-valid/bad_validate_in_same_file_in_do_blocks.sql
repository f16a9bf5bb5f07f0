-- expect: constraint-missing-not-valid@9
do $$
begin
  if not exists (select 1 from pg_constraint where conrelid = 'public.orders'::regclass and conname = 'orders_customer_fk') then
    alter table public.orders add constraint orders_customer_fk foreign key (customer_id) references public.customers (id) not valid;
  end if;
end
$$;
alter table public.orders validate constraint orders_customer_fk;
