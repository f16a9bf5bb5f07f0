-- expect: require-lock-timeout@5
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'orders_total_positive') then
    alter table public.orders add constraint orders_total_positive check (total > 0) not valid;
  end if;
end
$$;
