-- expect: none
begin;
savepoint before_backfill;
update public.orders set status = 'new' where status is null;
release savepoint before_backfill;
commit;
