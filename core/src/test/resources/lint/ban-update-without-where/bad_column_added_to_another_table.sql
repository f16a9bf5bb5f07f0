-- expect: ban-update-without-where@3, ban-update-without-where@6
alter table public.customers add column note text;
update public.orders set note = 'x';
-- a constraint named like the column adds no column
alter table public.orders add constraint status check (status <> '');
update public.orders set status = 'x' from (select 1) as added;
