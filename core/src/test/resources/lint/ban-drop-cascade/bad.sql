-- expect: ban-drop-cascade@2
drop table public.customers cascade;
