-- expect: none
drop policy if exists "read" on public.orders;
create policy "read" on public.orders for select to authenticated using (customer_id = 1);
