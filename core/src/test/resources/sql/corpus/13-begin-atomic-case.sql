create function classify(x int) returns text
language sql
begin atomic
  select case when x < 0 then 'neg;'
              when x = 0 then case when true then 'zero' end
              else 'pos'
         end;
end;
create function classify2(x int) returns text language sql begin atomic select (case x when 1 then 'one' else 'many' end); end;
select classify(-1), classify(0), classify2(1);
