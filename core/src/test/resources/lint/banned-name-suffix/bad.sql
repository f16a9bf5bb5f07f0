-- expect: banned-name-suffix@2
create table if not exists public.orders_v2 (id bigint primary key);
