-- expect: renaming-table@2
alter table public.orders rename to purchases;
