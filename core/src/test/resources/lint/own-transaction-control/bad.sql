-- expect: own-transaction-control@3
-- the new value must commit before the insert can use it
begin;
alter type public.mood add value 'sad';
commit;
insert into public.feelings (id, mood) values (1, 'sad');
