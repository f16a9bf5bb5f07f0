create table a$b (c$d int, e$ int);
insert into a$b values (1, 2);
select c$d, e$ as x$$ from a$b;
select 1 as t$;
