-- expect: redundant-transaction-control@2
begin;
alter table public.orders add column paid boolean;
commit;
