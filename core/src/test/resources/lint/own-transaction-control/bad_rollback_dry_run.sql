-- expect: own-transaction-control@3, own-transaction-control@5
-- written as a dry run while testing by hand: under pgpilot it would undo nothing, or everything
BEGIN;
ALTER TABLE public.orders ADD COLUMN paid boolean;
ROLLBACK;
