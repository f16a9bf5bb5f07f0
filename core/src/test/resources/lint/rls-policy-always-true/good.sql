-- expect: none
create policy "anyone reads" on public.orders for select to anon using (true);
