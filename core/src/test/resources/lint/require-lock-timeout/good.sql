-- expect: none
set lock_timeout = '5s';
alter table public.orders add column if not exists shipped_at timestamptz;
