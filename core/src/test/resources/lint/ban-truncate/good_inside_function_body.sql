-- expect: none
-- truncates when someone calls it, not when the migration runs
create or replace function public.reset_orders() returns void language sql set search_path = '' as $$
  truncate public.orders;
$$;
