-- expect: none
alter type public.mood add value if not exists 'sad';
begin;
alter table public.orders add column paid boolean;
commit;
begin;
alter table public.orders add column shipped boolean;
rollback;
