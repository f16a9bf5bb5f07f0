-- expect: none
create or replace function public.purge() returns void language sql security definer set search_path = '' as $$ select 1 $$;
revoke execute on function public.purge() from public, anon;
