-- expect: none
grant select on public.orders to authenticated;
