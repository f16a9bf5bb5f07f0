-- expect: require-lock-timeout@3
set lock_timeout = 0;
alter table public.orders add column if not exists shipped_at timestamptz;
