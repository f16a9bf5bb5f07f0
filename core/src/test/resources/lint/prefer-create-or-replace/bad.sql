-- expect: prefer-create-or-replace@2
create function public.one() returns int language sql set search_path = '' as $$ select 1 $$;
