-- expect: none
create table public.lines (id bigint primary key, order_id bigint references public.orders (id) on delete cascade);
create index lines_order_id_idx on public.lines (order_id);
