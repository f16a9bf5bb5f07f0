-- expect: none
drop table if exists public.old_orders;
insert into public.orders (id) values (1);
