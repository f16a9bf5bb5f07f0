-- expect: none
-- the shape of "fix the search_path" migrations: the function is created, then given its path
create or replace function public.get_tenant() returns uuid language sql stable security definer as $$
  select tenant_id from public.profiles where id = auth.uid()
$$;
alter function public.get_tenant() set search_path = '';
