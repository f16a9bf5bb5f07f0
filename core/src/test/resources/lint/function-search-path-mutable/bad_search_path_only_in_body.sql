-- expect: function-search-path-mutable@2
create or replace function public.grant_role(uid uuid) returns void language plpgsql security definer as $$
begin
  SET SEARCH_PATH = public; -- inside the body: too late, the caller's path was used to find this function's objects already
  update public.profiles set role = 'admin' where id = uid;
end $$;
