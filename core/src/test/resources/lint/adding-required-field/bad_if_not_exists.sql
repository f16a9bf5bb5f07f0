-- expect: adding-required-field@3
-- IF NOT EXISTS makes it re-runnable, not safe: the first run still fails on a table with rows
alter table public.orders add column if not exists region text not null;
