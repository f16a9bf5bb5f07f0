-- expect: none
begin;
alter table public.orders add column paid boolean;
commit;
create index concurrently if not exists orders_paid_idx on public.orders (paid);
