-- expect: none
create table public.settings (id int primary key, theme text);
insert into public.settings values (1, null);
update public.settings set theme = 'dark';
