-- expect: transaction-nesting@2
begin;
savepoint before_backfill;
update public.orders set status = 'new' where status is null;
rollback to savepoint before_backfill;
