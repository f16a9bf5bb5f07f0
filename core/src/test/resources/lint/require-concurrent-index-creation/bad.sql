-- expect: require-concurrent-index-creation@2
create index orders_total_idx on public.orders (total);
create table public.items (id bigint primary key, sku text);
create index items_sku_idx on public.items (sku);
