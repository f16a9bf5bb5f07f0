-- expect: none
drop policy if exists "owner reads avatars" on storage.objects;
create policy "owner reads avatars" on storage.objects for select to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
drop policy if exists "anyone reads private docs" on storage.objects;
create policy "anyone reads private docs" on storage.objects for select using (bucket_id = 'private-docs');
insert into storage.buckets (id, name, public) values ('banners', 'banners', false);
drop policy if exists "anyone reads banners" on storage.objects;
create policy "anyone reads banners" on storage.objects for select using (bucket_id = 'banners');
