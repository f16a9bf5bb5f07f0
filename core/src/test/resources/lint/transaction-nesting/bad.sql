-- expect: transaction-nesting@3, transaction-nesting@5
alter table public.orders add column paid boolean;
commit;
alter table public.orders add column shipped boolean;
begin;
