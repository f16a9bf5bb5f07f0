-- expect: none
create table public.events (id bigint generated always as identity primary key, name text);
