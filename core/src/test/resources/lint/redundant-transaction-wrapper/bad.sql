-- expect: redundant-transaction-wrapper@2
begin;
alter table public.orders add column paid boolean;
commit;
