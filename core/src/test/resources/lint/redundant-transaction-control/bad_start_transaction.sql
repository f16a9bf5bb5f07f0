-- expect: redundant-transaction-control@3
-- the whole file in one transaction, written the long way
start transaction;
alter table public.orders add column paid boolean;
commit work;
