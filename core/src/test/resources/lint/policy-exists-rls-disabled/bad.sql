-- expect: policy-exists-rls-disabled@2
create policy "read all" on public.orders for select to authenticated using (customer_id = 1);
