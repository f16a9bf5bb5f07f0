-- expect: grant-to-anon@2
grant select on public.orders to anon;
