create function public.bump(x int) returns int
language plpgsql as $$
declare
  y int;
begin
  y := x + 1;
  if y > 10 then
    raise notice 'big; %', y;
  end if;
  return y;
end;
$$;
select public.bump(1);
