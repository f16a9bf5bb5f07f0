-- expect: enum-value-used-in-same-transaction@3
alter type public.mood add value 'calm';
update public.feelings set mood = 'calm' where id = 1;
