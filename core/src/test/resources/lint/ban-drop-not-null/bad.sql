-- expect: ban-drop-not-null@2
alter table public.orders alter column status drop not null;
