-- expect: function-search-path-mutable@5
-- CREATE OR REPLACE resets every setting it does not name: the earlier ALTER no longer holds
alter function public.get_tenant() set search_path = '';

create or replace function public.get_tenant() returns uuid language sql stable security definer as $$
  select tenant_id from public.profiles where id = auth.uid()
$$;
