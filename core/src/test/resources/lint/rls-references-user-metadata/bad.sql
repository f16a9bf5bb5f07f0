-- expect: rls-references-user-metadata@2
create policy "admins" on public.orders for select to authenticated using ((select auth.jwt()) -> 'user_metadata' ->> 'role' = 'admin');
