-- expect: unindexed-foreign-keys@2
create table public.lines (id bigint primary key, order_id bigint references public.orders (id) on delete cascade);
