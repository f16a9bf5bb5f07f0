-- expect: none
alter type public.mood add value if not exists 'happy';
insert into public.feelings (id, mood) values (1, 'ok');
