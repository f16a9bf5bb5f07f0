-- expect: rls-disabled-in-public@2
create table public.notes (id bigint primary key, body text);
