-- expect: own-transaction-control@4
alter type public.mood add value if not exists 'sad';

begin;
alter table public.orders add column paid boolean;
commit;
