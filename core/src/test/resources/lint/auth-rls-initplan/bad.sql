-- expect: auth-rls-initplan@2
create policy "own" on public.orders for select to authenticated using (customer_id::text = auth.uid()::text or (select auth.uid()) is null);
