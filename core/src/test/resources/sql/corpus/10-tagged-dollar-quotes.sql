create function f() returns text language plpgsql as $fn$
begin
  return $$;$$ || $a1$ $$ ; $fn $a1$ || $q$'$q$;
end;
$fn$;
select f();
select $_$;$_$, $é$;$é$, $Body$ $body$ ; $Body$;
