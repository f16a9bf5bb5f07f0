-- expect: ban-drop-table@2
drop table public.orders;
