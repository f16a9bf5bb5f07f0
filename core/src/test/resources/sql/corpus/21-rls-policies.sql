create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  bio text
);
alter table public.profiles enable row level security;
create policy "own profile; read" on public.profiles for select to authenticated using ((select auth.uid()) = id);
create policy "own profile; write" on public.profiles for update to authenticated using (auth.uid() = id) with check (auth.uid() = id);
drop policy "own profile; read" on public.profiles;
alter table public.profiles add constraint bio_len check (char_length(bio) < 500) not valid;
