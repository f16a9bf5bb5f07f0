-- expect: none
-- the name says user_metadata; the condition reads app_metadata, which only the service role can set
create policy "Orders by role from app_metadata, not user_metadata" on public.orders for select to authenticated
  using ((select auth.jwt()) -> 'app_metadata' ->> 'role' = 'staff');
