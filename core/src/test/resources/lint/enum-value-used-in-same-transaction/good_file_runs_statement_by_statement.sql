-- expect: none
-- a file with CONCURRENTLY runs statement by statement: the new value is committed before the insert
alter type public.mood add value if not exists 'happy';
insert into public.feelings (id, mood) values (2, 'happy');
create index concurrently if not exists feelings_mood_idx on public.feelings (mood);
