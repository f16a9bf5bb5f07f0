-- expect: none
create policy "Admins can update orders" on public.orders for update to authenticated
  using (
    exists (
      select 1 from auth.users
      where id = (select auth.uid())
        and raw_app_meta_data ->> 'role' = 'admin'
    )
  );
