-- expect: none
alter table public.orders add column remark text;
