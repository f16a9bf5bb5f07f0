-- expect: rls-references-user-metadata@2
create policy "Admins can update orders" on public.orders for update to authenticated
  using (
    exists (
      select 1 from auth.users
      where id = (select auth.uid())
        and raw_user_meta_data ->> 'is_admin' = 'true'
    )
  );
