-- expect: none
create or replace function public.current_tenant() returns uuid language sql stable security definer
  set search_path to public, extensions
  as $$ select '00000000-0000-0000-0000-000000000000'::uuid $$;
