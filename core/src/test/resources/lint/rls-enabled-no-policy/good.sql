-- expect: none
alter table public.orders enable row level security;
create policy "read own" on public.orders for select to authenticated using (customer_id = 1);
