-- expect: none
create table public.short_name (id bigint primary key);
