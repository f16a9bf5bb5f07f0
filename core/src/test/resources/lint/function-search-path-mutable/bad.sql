-- expect: function-search-path-mutable@2
create or replace function public.is_admin() returns boolean language sql security definer as $$ select true $$;
