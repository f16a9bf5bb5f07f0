-- expect: transaction-nesting@3
alter table public.orders add column paid boolean;
commit and chain;
alter table public.orders add column shipped boolean;
