-- expect: multiple-permissive-policies@2
create policy "owner read" on public.orders for select to authenticated using (customer_id = 1);
