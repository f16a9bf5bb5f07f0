-- expect: none
create or replace function public.delete_account(uid uuid) returns void language plpgsql security definer set search_path = '' as $$
begin
  delete from public.profiles where id = uid;
end;
$$;
revoke all on function public.delete_account(uuid) from public, anon, authenticated;
grant execute on function public.delete_account(uuid) to service_role;
