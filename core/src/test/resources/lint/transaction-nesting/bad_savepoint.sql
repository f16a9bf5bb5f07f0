-- expect: transaction-nesting@2, transaction-nesting@3, transaction-nesting@5, transaction-nesting@6
begin;
savepoint before_backfill;
update public.orders set status = 'new' where status is null;
release savepoint before_backfill;
commit;
