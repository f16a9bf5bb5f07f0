-- expect: anon-security-definer-function-executable@2
create or replace function public.purge() returns void language sql security definer set search_path = '' as $$ select 1 $$;
