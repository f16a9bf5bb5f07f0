-- expect: rls-policy-always-true@5
do $$
begin
  if not exists (select 1 from pg_policies where policyname = 'anyone writes') then
    create policy "anyone writes" on public.orders for update to authenticated using (true) with check (true);
  end if;
end
$$;
