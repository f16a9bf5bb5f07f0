create table public.items (id int);
grant select on public.items to anon, authenticated;
grant insert, update on public.items to service_role;
revoke update on public.items from service_role;
comment on table public.items is 'items; shown to everyone';
