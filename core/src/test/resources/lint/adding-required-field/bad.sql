-- expect: adding-required-field@2
alter table public.orders add column region text not null;
