-- expect: none
create table if not exists public.countries (
  id bigint primary key,
  code text not null check (char_length(code) = 2),
  label character varying,
  kind "char"
);
