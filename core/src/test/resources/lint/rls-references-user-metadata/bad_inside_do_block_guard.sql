-- expect: rls-references-user-metadata@6
do $$
begin
  if not exists (select 1 from pg_policies where tablename = 'orders' and policyname = 'Admins can delete orders') then
    -- re-runnable, and still trusting what the user can edit
    create policy "Admins can delete orders" on public.orders for delete
      using ((auth.jwt() -> 'user_metadata' ->> 'role') = 'admin');
  end if;
end $$;
