-- expect: none
create table if not exists public.items (id bigint primary key, sku text);
alter table public.items add column if not exists price numeric;
create index if not exists items_sku_idx on public.items (sku);
