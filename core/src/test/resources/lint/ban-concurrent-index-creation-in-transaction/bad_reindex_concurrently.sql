-- expect: ban-concurrent-index-creation-in-transaction@3
BEGIN;
REINDEX INDEX CONCURRENTLY public.orders_status_idx;
END;
