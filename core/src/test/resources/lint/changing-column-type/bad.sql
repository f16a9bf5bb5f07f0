-- expect: changing-column-type@2
alter table public.orders alter column total type numeric(12,2);
