do $$ begin perform 1; end $$;
do language plpgsql $do$
declare r record;
begin
  for r in select 1 as x loop
    perform r.x;
  end loop;
end
$do$;
DO $x$ BEGIN RAISE NOTICE 'semi; colon'; END $x$
;
