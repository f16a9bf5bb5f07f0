-- expect: transaction-nesting@2, transaction-nesting@4
begin isolation level serializable;
alter table public.orders add column paid boolean;
rollback;
