-- expect: none
-- Add, backfill, then require: the UPDATE only fills the column this file added.
alter table public.orders add column if not exists currency text;
update public.orders set currency = 'EUR';
alter table public.orders alter column currency set not null;
