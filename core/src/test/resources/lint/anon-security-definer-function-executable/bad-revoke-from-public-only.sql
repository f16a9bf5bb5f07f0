-- expect: anon-security-definer-function-executable@3
-- Revoking from PUBLIC leaves Supabase's own EXECUTE grant to anon in place.
create or replace function public.delete_account(uid uuid) returns void language plpgsql security definer set search_path = '' as $$
begin
  delete from public.profiles where id = uid;
end;
$$;
revoke execute on function public.delete_account(uuid) from public;
grant execute on function public.delete_account(uuid) to authenticated;
