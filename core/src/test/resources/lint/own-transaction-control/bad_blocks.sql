-- expect: own-transaction-control@2
begin;
alter table public.orders add column paid boolean;
commit;
begin;
alter table public.orders add column shipped boolean;
commit;
