-- expect: ban-concurrent-index-creation-in-transaction@7
begin;
alter table public.orders add column paid boolean;
commit;

begin;
create unique index concurrently if not exists customers_email_key on public.customers (email);
commit;
