-- expect: rls-enabled-no-policy@2
alter table public.orders enable row level security;
