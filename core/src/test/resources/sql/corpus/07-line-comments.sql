-- leading comment; with a semicolon
create table t (id int); -- trailing comment; also with one
-- comment between statements;
insert into t values (1) -- comment before the semicolon;
;
select 1-- no space before the comment;
;
select 2 --;
