-- expect: none
create table if not exists public.people (
  id bigint primary key,
  name text not null check (char_length(name) <= 100),
  code varchar,
  note text default 'varchar(10)'
);
