-- expect: none
-- runs when someone calls the function, not when the migration runs
create or replace function public.clear_orders() returns void language sql set search_path = '' as $$
  delete from public.orders;
$$;
