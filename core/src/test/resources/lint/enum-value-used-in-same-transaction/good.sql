-- expect: none
alter type public.mood add value if not exists 'happy';
