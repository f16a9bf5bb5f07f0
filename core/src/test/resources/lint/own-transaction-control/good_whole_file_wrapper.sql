-- expect: none
begin;
alter table public.orders add column paid boolean;
commit;
