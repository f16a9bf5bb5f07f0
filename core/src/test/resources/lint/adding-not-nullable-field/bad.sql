-- expect: adding-not-nullable-field@2
alter table public.orders alter column status set not null;
