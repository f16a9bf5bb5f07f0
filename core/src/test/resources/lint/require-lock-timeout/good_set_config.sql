-- expect: none
select set_config('lock_timeout', '3s', true);
alter table public.orders add column if not exists shipped_at timestamptz;
