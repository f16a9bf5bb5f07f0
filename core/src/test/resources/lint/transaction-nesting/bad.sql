-- expect: transaction-nesting@2, transaction-nesting@4
begin;
alter table public.orders add column paid boolean;
commit;
