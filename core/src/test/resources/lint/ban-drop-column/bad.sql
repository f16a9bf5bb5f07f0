-- expect: ban-drop-column@2
alter table public.orders drop column note;
