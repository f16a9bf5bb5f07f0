-- expect: prefer-text-field@2, prefer-text-field@6
create table if not exists public.people (
  id bigint primary key,
  name varchar(100) not null
);
alter table public.people add column if not exists email character varying (255);
