-- expect: none
create table public.user_roles (user_id uuid primary key, role text not null);
alter table public.user_roles enable row level security;
create policy "Admins can delete orders" on public.orders for delete to authenticated
  using (exists (select 1 from public.user_roles r where r.user_id = (select auth.uid()) and r.role = 'admin'));
