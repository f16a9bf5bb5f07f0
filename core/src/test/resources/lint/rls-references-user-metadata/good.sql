-- expect: none
create policy "admins" on public.orders for select to authenticated using ((select auth.jwt()) -> 'app_metadata' ->> 'role' = 'admin');
