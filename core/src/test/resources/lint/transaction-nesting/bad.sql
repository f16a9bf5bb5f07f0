-- expect: transaction-nesting@2
begin;
alter table public.orders add column paid boolean;
