-- expect: ban-char-field@2, ban-char-field@7
create table if not exists public.countries (
  id bigint primary key,
  code char(2) not null,
  label varchar(40)
);
alter table public.countries add column if not exists flag character(1);
