-- expect: none
alter table public.orders enable row level security;
