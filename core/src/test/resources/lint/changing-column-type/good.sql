-- expect: none
alter table public.orders alter column note type text;
