-- expect: none
create table public.purchases (id bigint primary key);
