-- expect: none
create table if not exists public.notes (id bigint primary key, body text);
insert into public.notes (id, body) values (1, 'it''s closed; really');
