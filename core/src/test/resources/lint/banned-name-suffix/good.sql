-- expect: none
create table if not exists public.orders_archive (id bigint primary key);
