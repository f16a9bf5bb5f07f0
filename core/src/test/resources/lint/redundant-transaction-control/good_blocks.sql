-- expect: none
-- several blocks: the file manages its own transactions (own-transaction-control), nothing redundant
begin;
alter table public.orders add column paid boolean;
commit;
begin;
alter table public.orders add column shipped boolean;
commit;
