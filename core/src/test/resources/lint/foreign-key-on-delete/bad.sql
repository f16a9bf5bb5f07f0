-- expect: foreign-key-on-delete@2
create table public.lines (id bigint primary key, order_id bigint references public.orders (id));
