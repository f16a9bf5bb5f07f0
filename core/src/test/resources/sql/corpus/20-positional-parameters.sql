prepare q(int, text) as select $1 + 1, $2 || ';';
execute q(1, 'a');
deallocate q;
create function g(int) returns int language sql as 'select $1 * 2';
select g(2);
