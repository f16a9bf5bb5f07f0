-- expect: none
create policy "own" on public.orders for select to authenticated using (
  customer_id::text = (
    select auth.uid()
  )::text
);
