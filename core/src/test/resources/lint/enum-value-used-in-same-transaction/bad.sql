-- expect: enum-value-used-in-same-transaction@3
alter type public.mood add value 'happy';
select 'happy'::public.mood;
