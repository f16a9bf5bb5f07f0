-- expect: none
alter type public.mood add value if not exists 'happy';
insert into public.orders (status) values ('happy');
