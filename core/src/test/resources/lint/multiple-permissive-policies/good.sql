-- expect: none
create policy "owner write" on public.orders for insert to authenticated with check (customer_id = 1);
create policy "service" on public.orders for select to service_role using (true);
