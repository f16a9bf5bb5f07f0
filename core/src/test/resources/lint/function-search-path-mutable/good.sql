-- expect: none
create or replace function public.is_admin() returns boolean language sql security definer set search_path = '' as $$ select true $$;
revoke execute on function public.is_admin() from public, anon;
