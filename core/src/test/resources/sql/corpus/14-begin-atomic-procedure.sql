create table t (id int);
create or replace procedure fill(n int)
language sql
begin /* comment; between */ atomic
  insert into t select g from generate_series(1, n) g;
  delete from t where id > 3;
end;
call fill(5);
CREATE OR REPLACE FUNCTION one() RETURNS int LANGUAGE sql RETURN 1;
select one();
