-- expect: require-timestamps@2
create table public.events (id bigint primary key);
