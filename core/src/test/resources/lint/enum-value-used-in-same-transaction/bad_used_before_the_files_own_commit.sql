-- expect: enum-value-used-in-same-transaction@4
begin;
alter type public.mood add value 'happy';
insert into public.feelings (id, mood) values (2, 'happy');
commit;
insert into public.feelings (id, mood) values (3, 'happy');
