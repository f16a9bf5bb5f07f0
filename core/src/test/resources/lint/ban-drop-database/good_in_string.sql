-- expect: none
create table public.admin_notes (id bigint primary key, note text);
insert into public.admin_notes (id, note) values (1, 'drop database analytics after the export');
