-- expect: ban-truncate@5
-- an exception handler does not make it safer: the rows are gone when it succeeds
do $$
begin
  truncate table public.orders cascade;
exception when others then
  raise notice 'could not truncate: %', sqlerrm;
end $$;
