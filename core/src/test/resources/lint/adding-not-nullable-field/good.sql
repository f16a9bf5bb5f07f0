-- expect: none
alter table public.orders alter column status drop default;
