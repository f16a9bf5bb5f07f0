-- expect: transaction-nesting@5
begin;
alter table public.orders add column paid boolean;
commit;
begin;
alter table public.orders add column shipped boolean;
