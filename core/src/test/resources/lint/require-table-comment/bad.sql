-- expect: require-table-comment@2
create table public.events (id bigint primary key);
