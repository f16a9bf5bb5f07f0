-- expect: policy-without-drop-if-exists@2
create policy "read" on public.orders for select to authenticated using (customer_id = 1);
