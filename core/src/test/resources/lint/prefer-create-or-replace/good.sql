-- expect: none
create or replace function public.one() returns int language sql set search_path = '' as $$ select 1 $$;
