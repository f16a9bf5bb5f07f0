-- expect: none
create table public.events (id bigint primary key);
comment on table public.events is 'Things that happened';
