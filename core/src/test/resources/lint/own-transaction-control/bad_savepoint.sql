-- expect: own-transaction-control@2
begin;
savepoint before_backfill;
update public.orders set status = 'new' where status is null;
release savepoint before_backfill;
commit;
