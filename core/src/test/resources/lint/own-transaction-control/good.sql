-- expect: none
alter table public.orders add column paid boolean;
