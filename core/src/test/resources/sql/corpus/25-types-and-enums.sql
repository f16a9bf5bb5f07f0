create type mood as enum ('sad;', 'ok', 'happy''s');
create type pair as (a int, "b;" text);
create domain positive as int check (value > 0);
alter type mood add value 'meh';
select 'ok'::mood, row(1, 'x')::pair, 3::positive;
