create function sq(x int) returns int language sql begin atomic return x * x; end;
create function pick(x int) returns text language sql
begin atomic
  select 'a;b';
  return case when x > 0 then 'pos' else (select 'neg;') end;
end;
select sq(3), pick(1);
