create table t (id int);
create function add_two(a int, b int) returns int
language sql immutable
begin atomic
  select a + b;
end;
create function log_one() returns void
language sql
BEGIN ATOMIC
  insert into t values (1);
  insert into t values (2);
END;
select add_two(1, 2), log_one();
