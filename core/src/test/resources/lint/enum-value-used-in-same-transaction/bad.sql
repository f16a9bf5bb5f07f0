-- expect: enum-value-used-in-same-transaction@4, enum-value-used-in-same-transaction@5
alter type public.mood add value 'happy';
alter type public.mood add value 'sad';
select 'happy'::public.mood;
insert into public.feelings (mood) values ('sad');
