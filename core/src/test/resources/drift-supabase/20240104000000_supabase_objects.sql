-- What a Supabase project adds to Supabase's own objects: an extension, a table on Realtime's
-- publication, a policy on storage.objects and a trigger on auth.users.
create extension if not exists pg_trgm with schema extensions;
alter publication supabase_realtime add table public.notes;
create policy "readers see public files" on storage.objects for select to authenticated using (bucket_id = 'public');
create function public.handle_new_user() returns trigger language plpgsql security definer set search_path = '' as $$
begin
  return new;
end $$;
create trigger on_auth_user_created after insert on auth.users for each row execute function public.handle_new_user();
