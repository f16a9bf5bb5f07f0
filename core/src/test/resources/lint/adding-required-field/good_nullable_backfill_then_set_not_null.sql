-- expect: none
alter table public.orders add column region text;
update public.orders set region = 'eu';
alter table public.orders alter column region set not null;
