-- expect: none
-- the file's own COMMIT commits the value before the insert (up runs such a file as written, like the CLI)
begin;
alter type public.mood add value 'happy';
commit;
insert into public.feelings (id, mood) values (2, 'happy');
