-- expect: multiple-permissive-policies@5
do $$
begin
  if not exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'orders' and policyname = 'owner read') then
    create policy "owner read" on public.orders for select to authenticated using (customer_id = 1);
  end if;
end
$$;
