create table atomic (begin int, "end" int);
insert into atomic (begin, "end") values (1, 2);
select begin, "end" from atomic;
create function f(begin int) returns int language sql begin atomic select begin + 1; end;
select f(1);
