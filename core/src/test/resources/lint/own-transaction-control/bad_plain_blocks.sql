-- expect: own-transaction-control@3
alter type public.mood add value if not exists 'sad';
begin;
alter table public.orders add column paid boolean;
commit;
comment on column public.orders.paid is 'paid';
commit;
