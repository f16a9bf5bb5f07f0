-- expect: own-transaction-control@2, own-transaction-control@4
begin isolation level serializable;
alter table public.orders add column paid boolean;
rollback;
