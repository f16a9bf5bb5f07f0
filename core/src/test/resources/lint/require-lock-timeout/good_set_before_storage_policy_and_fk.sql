-- expect: none
set lock_timeout = '5s';
create policy "avatar owners can upload" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars');
create table public.invoices (
  id bigint generated always as identity primary key,
  customer_id bigint not null references public.customers (id) on delete cascade
);
