-- expect: auth-rls-initplan@2
create policy "own" on public.orders for update to authenticated using (customer_id::text = (
    select auth.uid())::text) with check (customer_id::text = auth.uid()::text);
