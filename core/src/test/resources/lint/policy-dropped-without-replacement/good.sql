-- expect: none
drop policy if exists "owners read" on public.orders;
create policy "owners read" on public.orders for select to authenticated using (customer_id = 1);
