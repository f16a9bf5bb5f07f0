-- expect: ban-disable-rls@2
alter table public.orders disable row level security;
