-- expect: rls-references-user-metadata@3
create policy "Staff read orders" on public.orders for select to authenticated using (false);
alter policy "Staff read orders" on public.orders
  using ((select auth.jwt()) -> 'user_metadata' ->> 'staff' = 'true');
