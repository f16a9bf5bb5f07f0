select 1;
select 2 -- the last statement ends in a comment, no semicolon