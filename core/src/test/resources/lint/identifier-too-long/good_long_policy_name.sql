-- expect: none
-- PostgreSQL truncates the policy name to 63 bytes in every statement alike, and nothing refers to a policy by name elsewhere
create policy "Authenticated users can read the orders of the customers they manage" on public.orders for select to authenticated using (true);
drop policy if exists "Authenticated users can read the orders of the customers they manage" on public.orders;
