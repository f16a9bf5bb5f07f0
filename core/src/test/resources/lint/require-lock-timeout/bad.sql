-- expect: require-lock-timeout@3
create table public.items (id bigint primary key, sku text);
alter table public.orders add column if not exists shipped_at timestamptz;
create index concurrently if not exists orders_total_idx on public.orders (total);
