-- expect: renaming-column@2
alter table public.orders rename column note to remark;
