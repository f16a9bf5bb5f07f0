-- expect: rls-policy-always-true@2
create policy "anyone deletes" on public.orders for delete to anon using (true);
