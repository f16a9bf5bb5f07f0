-- expect: none
alter table public.orders add column region text not null default 'eu';
create table public.regions (id bigint primary key);
alter table public.regions add column code text not null;
