-- expect: none
-- no DROP POLICY needed: the block creates the policy only when it is missing, so a rerun cannot fail
do $$
begin
  if not exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'orders' and policyname = 'orders_read') then
    create policy orders_read on public.orders for select to authenticated using (true);
  end if;
end
$$;
