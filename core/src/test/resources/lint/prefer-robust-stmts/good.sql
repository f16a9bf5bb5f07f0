-- expect: none
create table if not exists public.notes (id bigint primary key);
alter table public.orders add column if not exists paid boolean;
drop index if exists public.orders_status_idx;
