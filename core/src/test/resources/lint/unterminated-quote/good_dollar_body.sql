-- expect: none
create or replace function public.touch() returns trigger language plpgsql as $body$
begin
  new.updated_at := now(); -- a ' in a comment inside the body
  return new;
end;
$body$;
