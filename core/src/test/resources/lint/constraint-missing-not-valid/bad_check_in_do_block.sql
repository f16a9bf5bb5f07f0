-- expect: constraint-missing-not-valid@5
do $$
begin
  if not exists (select 1 from pg_constraint where conrelid = 'public.orders'::regclass and conname = 'orders_total_positive') then
    alter table public.orders add constraint orders_total_positive check (total > 0);
  end if;
end
$$;
