-- expect: public-bucket-allows-listing@3, public-bucket-allows-listing@5
drop policy if exists "anyone reads avatars" on storage.objects;
create policy "anyone reads avatars" on storage.objects for select
  using (bucket_id = 'avatars');
update storage.buckets set public = true where id = 'logos';
insert into storage.buckets (id, name, public) values ('logos', 'logos', true), ('banners', 'banners', false);
drop policy if exists "anyone reads logos" on storage.objects;
create policy "anyone reads logos" on storage.objects for select to anon using (bucket_id = 'logos'::text);
