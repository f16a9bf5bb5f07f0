-- expect: function-search-path-mutable@2
create or replace function public.get_tenant() returns uuid language sql stable security definer as $$
  select tenant_id from public.profiles where id = auth.uid()
$$;
alter function public.get_tenant_name() set search_path = '';
