-- expect: auth-rls-initplan@6
-- a policy created only when missing (the planner's shape) is still a policy
do $$
begin
  if not exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'orders' and policyname = 'own') then
    create policy "own" on public.orders for select to authenticated using (customer_id::text = auth.uid()::text);
  end if;
end
$$;
