-- expect: require-lock-timeout@2
create policy "avatar owners can upload" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and (select auth.uid())::text = (storage.foldername(name))[1]);
