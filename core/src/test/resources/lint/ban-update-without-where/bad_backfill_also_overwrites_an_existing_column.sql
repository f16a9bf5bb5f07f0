-- expect: ban-update-without-where@4
-- status existed before this migration: its values are overwritten.
alter table public.orders add column currency text;
update public.orders set currency = 'EUR', status = 'migrated';
